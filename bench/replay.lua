-- wrk replays a file of paths (one a line, written by bench/traffic.py), each thread from its
-- own offset, and counts answers by status class so planned 404s are told apart from failures.
-- Usage: wrk ... -s bench/replay.lua URL -- PATHS_FILE
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  position = (id * math.floor(#paths / 7)) % #paths
  s2, s3, s4, s5 = 0, 0, 0, 0
end

function request()
  position = position + 1
  if position > #paths then position = 1 end
  return wrk.format("GET", paths[position])
end

function response(status, headers, body)
  if status < 300 then s2 = s2 + 1
  elseif status < 400 then s3 = s3 + 1
  elseif status < 500 then s4 = s4 + 1
  else s5 = s5 + 1 end
end

function done(summary, latency, requests)
  local t2, t3, t4, t5 = 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    t2 = t2 + thread:get("s2")
    t3 = t3 + thread:get("s3")
    t4 = t4 + thread:get("s4")
    t5 = t5 + thread:get("s5")
  end
  io.write(string.format("status classes: 2xx=%d 3xx=%d 4xx=%d 5xx=%d\n", t2, t3, t4, t5))
end
