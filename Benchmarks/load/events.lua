-- wrk script: POST /interaction/v1/events, each request for a new contact (so each writes a
-- row), counting the 201s so the shell script can check they all survived `kill -9`.
-- Arguments after `--`: token, event definition key.
local threads = {}
local next_id = 1

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  token, key = args[1], args[2]
  counter, acked = 0, 0
  headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
  run = tostring(os.time())
end

function request()
  counter = counter + 1
  local contact = string.format("load-%s-%d-%d@load.test", run, id, counter)
  local body = string.format(
    '{"ContactKey":"%s","EventDefinitionKey":"%s","Data":{"EmailAddress":"%s"}}', contact, key, contact)
  return wrk.format("POST", "/interaction/v1/events", headers, body)
end

function response(status, headers, body)
  if status == 201 then acked = acked + 1 end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("acked") end
  io.write(string.format("acknowledged %d\n", total))
  io.write(string.format("p50_ms %.2f\np99_ms %.2f\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
  io.write(string.format("rate %.0f\n", summary.requests / (summary.duration / 1e6)))
end
