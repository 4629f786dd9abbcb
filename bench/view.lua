-- wrk script: anonymous readers of the petition page, as a proxy forwards them.
-- BENCH_VIEW_DELAY_MS paces each connection (readers arriving at a set rate rather than as fast as
-- wrk can send, which on the same two cores would take the processors from the signers).
wrk.headers["X-Forwarded-Proto"] = "https"
wrk.headers["X-Forwarded-For"] = "192.0.2.10"
wrk.headers["Accept-Language"] = "en"

local pause = tonumber(os.getenv("BENCH_VIEW_DELAY_MS") or "0")
if pause > 0 then
  function delay() return pause end
end

done = dofile("bench/report.lua")  -- the figures bench/surge.py reads
