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
  io.write(string.format("p50_ms %.2f\np99_ms %.2f\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
  io.write(string.format("rate %.0f\n", summary.requests / (summary.duration / 1e6)))
end
