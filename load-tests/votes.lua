-- wrk script: every request a vote from a new reader (its own User-Agent), on the item given after "--":
--   wrk ... -s votes.lua URL -- RUN_ID TARGET_TYPE TARGET_ID
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  run, target_type, target_id = args[1], args[2], args[3]
  sent = 0
end

function request()
  sent = sent + 1
  local body = string.format('{"target": {"type": "%s", "id": "%s"}, "helpful": %s}', target_type, target_id,
    tostring(sent % 3 ~= 0))
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["User-Agent"] = "vote-load-" .. run .. "-" .. thread_number .. "-" .. sent
  }, body)
end
