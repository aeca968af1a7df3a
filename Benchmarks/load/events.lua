-- wrk script: POST /interaction/v1/events, each request for a new contact (so each writes a
-- row), counting the acknowledged events so the shell script can check they all survived
-- `kill -9`. Arguments after `--`: token, event definition key.
-- Requests are put together from a prefix made once: wrk.format's header table walk cost the
-- load generator, on the server's machine, about a tenth more than the request itself. The
-- acknowledged are counted from wrk's summary (every answer but a 4xx or 5xx is a 201): a
-- `response` callback has wrk build a Lua table of each answer's headers.

-- The reporting both scripts share, from this script's folder.
package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local report = require("report")

local next_id = 1

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end

function init(args)
  token, key = args[1], args[2]
  counter = 0
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

function done(summary, latency, requests)
  io.write(string.format("acknowledged %d\n", summary.requests - summary.errors.status))
  report.done(summary, latency)
end
