-- wrk script: POST /interaction/v1/events, each request for a new contact (so each writes a
-- row), counting the 201s so the shell script can check they all survived `kill -9`.
-- Arguments after `--`: token, event definition key.
-- Requests are put together from a prefix made once: wrk.format's header table walk cost the
-- load generator, on the server's machine, about a tenth more than the request itself.
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
  run = tostring(os.time())
  prefix = "POST /interaction/v1/events HTTP/1.1\r\nHost: " .. wrk.host .. ":" .. wrk.port ..
    "\r\nContent-Type: application/json\r\nAuthorization: Bearer " .. token .. "\r\nContent-Length: "
  contact_prefix = "load-" .. run .. "-" .. id .. "-"
  body_key = '","EventDefinitionKey":"' .. key .. '","Data":{"EmailAddress":"'
end

function request()
  counter = counter + 1
  local contact = contact_prefix .. counter .. "@load.test"
  local body = '{"ContactKey":"' .. contact .. body_key .. contact .. '"}}'
  return prefix .. #body .. "\r\n\r\n" .. body
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
