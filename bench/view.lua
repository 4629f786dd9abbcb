-- wrk script: anonymous readers of the petition page, as a proxy forwards them.
wrk.headers["X-Forwarded-Proto"] = "https"
wrk.headers["X-Forwarded-For"] = "192.0.2.10"
wrk.headers["Accept-Language"] = "en"

done = dofile("bench/report.lua")  -- the figures bench/surge.py reads
