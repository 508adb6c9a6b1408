-- wrk script for bench/scale.sh: readers that rotate over pages and API routes, as a signed-in person would.
--   wrk ... -s bench/readers.lua URL -- COOKIE TOKEN PATH...
-- A path under /api/ is sent with the API token (Authorization: Bearer), any other with the session cookie. Every
-- answer that is not 2xx counts as bad (a redirect to the sign-in page included). Prints one line:
-- "readers requests N bad N connect N read N write N timeout N p50 US p99 US max US".
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  cookie, token, paths = args[1], args[2], {}
  for i = 3, #args do paths[#paths + 1] = args[i] end
  next_path, bad = 0, 0
end

function request()
  next_path = next_path % #paths + 1
  local path = paths[next_path]
  if path:sub(1, 5) == "/api/" then
    return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
  end
  return wrk.format("GET", path, { ["Cookie"] = cookie })
end

function response(status, headers, body)
  if status < 200 or status > 299 then bad = bad + 1 end
end

function done(summary, latency, requests)
  local total_bad = 0
  for _, thread in ipairs(threads) do total_bad = total_bad + thread:get("bad") end
  local e = summary.errors
  io.write(string.format("readers requests %d bad %d connect %d read %d write %d timeout %d p50 %d p99 %d max %d\n",
    summary.requests, total_bad, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
