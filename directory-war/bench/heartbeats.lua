-- wrk script: POSTs the pre-signed heartbeats of the file named by the first script argument, each line once.
-- Thread t of T sends lines t, t+T, t+2T, ... so a node's heartbeats (lines i, i+N, ...; N even) stay in one thread
-- and in order. When a thread runs out it starts over: those repeats are replays, answered 409 and counted as
-- non-2xx by wrk, never as heartbeats.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  nthreads = tonumber(args[2])
  lines = {}
  local i = 0
  for line in io.lines(args[1]) do
    if i % nthreads == id then
      local ts, sig, body = line:match("^([^\t]+)\t([^\t]+)\t(.*)$")
      lines[#lines + 1] = wrk.format("POST", "/api/presence/mixnodes",
        { ["Content-Type"] = "application/json", ["Nym-Timestamp"] = ts, ["Nym-Signature"] = sig }, body)
    end
    i = i + 1
  end
  next_line = 1
end

function request()
  local r = lines[next_line]
  next_line = next_line + 1
  if next_line > #lines then next_line = 1 end
  return r
end
