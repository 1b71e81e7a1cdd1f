-- wrk script: every request a vote from a new reader (its own User-Agent), on the item given after "--":
--   wrk ... -s votes.lua URL -- RUN_ID TARGET_TYPE TARGET_ID
-- A vote answered 503 with Retry-After (feedback-service's intake is behind, or the gateway sheds load) is followed
-- by a pause of that long before the thread's next request, as a reader's client waits before sending again;
-- without it the load generator spends the machine's CPU on refusals instead of measuring what is accepted.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  run, target_type, target_id = args[1], args[2], args[3]
  sent = 0
  pauses = {}
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

function response(status, headers, body)
  if status == 503 then
    local seconds = tonumber(headers["Retry-After"] or headers["retry-after"] or "1") or 1
    table.insert(pauses, seconds * 1000)
  end
end

function delay()
  if #pauses > 0 then
    return table.remove(pauses, 1)
  end
  return 0
end
