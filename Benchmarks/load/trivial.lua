-- wrk script: the trivial JSON route on the same server, for comparison. Argument: token.
-- The request never changes: made once, as events.lua makes its prefix once.

-- The reporting both scripts share, from this script's folder.
package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local report = require("report")

function init(args)
  request_text = "GET /platform/v1/tokenContext HTTP/1.1\r\nHost: " .. wrk.host .. ":" .. wrk.port ..
    "\r\nAuthorization: Bearer " .. args[1] .. "\r\n\r\n"
end

function request()
  return request_text
end

function done(summary, latency, requests)
  report.done(summary, latency)
end
