-- Every request asks for the page at the path named after -- with a query string never asked before, so that the
-- gateway's edge cache misses and the reader site renders the page each time (its own API reads are still cached
-- at the edge, as they are for readers).
local threads = 0
local count = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  page = args[1]
end

function request()
  count = count + 1
  return wrk.format("GET", page .. "?rendered=" .. id .. "-" .. count)
end
