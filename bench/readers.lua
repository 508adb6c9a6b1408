-- wrk script for bench/scale.sh: readers that rotate over pages and API routes, as a signed-in person would.
--   wrk ... -s bench/readers.lua URL -- COOKIE TOKEN PATH...
-- A path under /api/ is sent with the API token (Authorization: Bearer), any other with the session cookie and
-- X-Requested-With, so that a lost session answers 401 instead of a redirect to the sign-in page. Bad answers are
-- wrk's own count of those of status 400 and above: a response() function would have wrk copy every body into Lua,
-- which takes processor time from the app on the same machine (bench/load.lua). Prints one line:
-- "readers requests N bad N connect N read N write N timeout N p50 US p99 US max US".
function init(args)
  cookie, token, paths = args[1], args[2], {}
  for i = 3, #args do paths[#paths + 1] = args[i] end
  next_path = 0
end

function request()
  next_path = next_path % #paths + 1
  local path = paths[next_path]
  if path:sub(1, 5) == "/api/" then
    return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
  end
  return wrk.format("GET", path, { ["Cookie"] = cookie, ["X-Requested-With"] = "XMLHttpRequest" })
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("readers requests %d bad %d connect %d read %d write %d timeout %d p50 %d p99 %d max %d\n",
    summary.requests, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
