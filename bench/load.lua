-- wrk script for bench/load.sh: signed-in people's mix of pages and API routes, spread over one or more app instances.
--   LOAD_PORTS=PORT[,PORT...] wrk -tT -cC ... -s bench/load.lua http://127.0.0.1:PORT -- COOKIE TOKEN PATH...
-- wrk's threads are dealt to the ports of LOAD_PORTS in turn and keep their connections on that instance, so with a
-- multiple of the ports' number as threads the connections are shared evenly. (wrk gives setup no arguments: the
-- ports come from the environment.) Each thread walks the paths in turn from its own starting point. A path under
-- /api/ is sent with the API token (Authorization: Bearer), any other with the session cookie and X-Requested-With, so
-- that a lost session answers 401 instead of a redirect to the sign-in page. Bad answers are wrk's own count of those
-- of status 400 and above: a response() function would have wrk copy every body into Lua, which took half a core
-- of the machine the app shares. Per port, the count is of requests sent. Prints one line:
-- "load requests N seconds S bad N connect N read N write N timeout N p50 US p99 US max US ports PORT=N,..."
local threads = {}
local ports = {}
for port in (os.getenv("LOAD_PORTS") or ""):gmatch("%d+") do ports[#ports + 1] = port end

function setup(thread)
  local port = ports[#threads % #ports + 1]
  thread.addr = wrk.lookup("127.0.0.1", port)[1]
  thread:set("port", port)
  thread:set("index", #threads)
  table.insert(threads, thread)
end

function init(args)
  cookie, token, paths = args[1], args[2], {}
  for i = 3, #args do paths[#paths + 1] = args[i] end
  next_path = (index * 7) % #paths
  sent = 0
end

function request()
  next_path = next_path % #paths + 1
  sent = sent + 1
  local path = paths[next_path]
  if path:sub(1, 5) == "/api/" then
    return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
  end
  return wrk.format("GET", path, { ["Cookie"] = cookie, ["X-Requested-With"] = "XMLHttpRequest" })
end

function done(summary, latency, requests)
  local by_port, order = {}, {}
  for _, thread in ipairs(threads) do
    local port = thread:get("port")
    if not by_port[port] then by_port[port] = 0; order[#order + 1] = port end
    by_port[port] = by_port[port] + thread:get("sent")
  end
  local counts = {}
  for _, port in ipairs(order) do counts[#counts + 1] = port .. "=" .. by_port[port] end
  local e = summary.errors
  io.write(string.format("load requests %d seconds %.3f bad %d connect %d read %d write %d timeout %d p50 %d p99 %d max %d ports %s\n",
    summary.requests, summary.duration / 1e6, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(99), latency.max, table.concat(counts, ",")))
end
