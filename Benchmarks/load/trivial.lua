-- wrk script: the trivial JSON route on the same server, for comparison. Argument: token.
function init(args)
  headers = { ["Authorization"] = "Bearer " .. args[1] }
end

function request()
  return wrk.format("GET", "/platform/v1/tokenContext", headers)
end

function done(summary, latency, requests)
  io.write(string.format("p50_ms %.2f\np99_ms %.2f\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
  io.write(string.format("rate %.0f\n", summary.requests / (summary.duration / 1e6)))
end
