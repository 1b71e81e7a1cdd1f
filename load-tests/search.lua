-- Each request searches for the next of the judged queries (one URL-encoded query per line of the file named after
-- --), so that the mix is what readers ask: lay words, misspellings, synonyms, several services' hits merged.
local queries = {}
local next_query = 0

function init(args)
  for line in io.lines(args[1]) do
    queries[#queries + 1] = line
  end
end

function request()
  next_query = next_query % #queries + 1
  return wrk.format("GET", "/api/v1/search?q=" .. queries[next_query])
end
