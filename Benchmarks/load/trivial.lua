-- wrk script: the trivial JSON route on the same server, for comparison. Argument: token.
-- The request never changes: made once, as events.lua makes its prefix once.
function init(args)
  request_text = "GET /platform/v1/tokenContext HTTP/1.1\r\nHost: " .. wrk.host .. ":" .. wrk.port ..
    "\r\nAuthorization: Bearer " .. args[1] .. "\r\n\r\n"
end

function request()
  return request_text
end

function done(summary, latency, requests)
  -- The turn's latencies as 2,000 quantiles (each a 2,000th of its requests), for run.sh to
  -- find the percentiles of all of a route's turns together. (wrk's latency(i) walks the whole
  -- histogram at each call: reading every value that way took minutes.)
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
