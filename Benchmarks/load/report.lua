-- What both wrk scripts print when a turn is done, for run.sh: the percentiles, the requests
-- and the rate, and, in LATENCY_FILE, the turn's latencies as 2,000 quantiles (each a 2,000th
-- of its requests) to find the percentiles of all of a route's turns together. (wrk's
-- latency(i) walks the whole histogram at each call: reading every value that way took minutes.)
local report = {}

function report.done(summary, latency)
  local file = os.getenv("LATENCY_FILE")
  if file then
    local out = io.open(file, "w")
    for i = 1, 2000 do
      out:write(i == 2000 and latency.max or latency:percentile(i / 20), " ", summary.requests / 2000, "\n")
    end
    out:close()
  end
  io.write(string.format("p50_ms %.2f\np99_ms %.2f\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
  io.write(string.format("requests %d\nseconds %.3f\n", summary.requests, summary.duration / 1e6))
  io.write(string.format("rate %.0f\n", summary.requests / (summary.duration / 1e6)))
end

return report
