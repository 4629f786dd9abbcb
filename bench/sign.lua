-- wrk script: one signature per request, each from its own client address (a surge comes from
-- many people). Every tenth request repeats an address sent just before, as double submissions do.
-- Environment: BENCH_MODE = api | form | ceiling, BENCH_PATH, BENCH_RUN (keeps runs' addresses apart),
-- BENCH_STARTED (the form's signed time stamp).
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  mode = os.getenv("BENCH_MODE")
  path = os.getenv("BENCH_PATH")
  run = os.getenv("BENCH_RUN")
  started = os.getenv("BENCH_STARTED") or ""
  n = 0
end

local function urlencode(text)
  return (text:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function request()
  n = n + 1
  local number = n
  if n % 10 == 0 then number = n - 5 end
  local email = string.format("s%s-%d-%d@bench.example", run, id, number)
  local address = string.format("10.%d.%d.%d", id, math.floor(n / 250) % 250, n % 250 + 1)
  local headers = { ["X-Forwarded-For"] = address, ["X-Forwarded-Proto"] = "https" }
  local body
  if mode == "api" then
    headers["Content-Type"] = "application/json"
    body = string.format('{"name": "Supporter %d", "email": "%s", "country": "PT", "consent": true}', n, email)
  else
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    body = "name=Supporter+" .. n .. "&email=" .. urlencode(email) .. "&country=PT&consent=on&website=&started="
      .. urlencode(started)
  end
  return wrk.format("POST", path, headers, body)
end

done = dofile("bench/report.lua")  -- the figures bench/surge.py reads
