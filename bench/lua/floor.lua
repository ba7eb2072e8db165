-- The floor of scenario 1: the same submission sent straight to the simulated
-- Transfer API with a Bearer token, each with a new submission id.
-- Usage: BENCH_TOKEN=... wrk -t N -c N ... -s floor.lua http://127.0.0.1:PORT
package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
require("common")

local threads_made = 0

-- Main state: number the threads, so that their submission ids never collide.
function setup(thread)
  threads_made = threads_made + 1
  thread:set("thread_id", threads_made)
  register(thread)
end

local token, started, counter, run_id = nil, 0, 0, 0

function init(args)
  token = os.getenv("BENCH_TOKEN")
  math.randomseed(now_ms() * 1000 + thread_id)
  run_id = math.random(0, 0x7fffffff)
end

-- A submission id no other request of this run (or an earlier run) has used.
local function uuid()
  counter = counter + 1
  return string.format("%08x-%04x-4000-8000-%012x", run_id, thread_id, counter)
end

function request()
  started = now_ms()
  local body = '{"DATA_TYPE":"transfer","submission_id":"' .. uuid() .. '",' ..
    '"source_endpoint":"6c54cade-bde5-45c1-bdea-f4bd71dba2cc",' ..
    '"destination_endpoint":"31ce9ba0-176d-45a5-add3-f37d233ba47d","label":"bench",' ..
    '"DATA":[{"DATA_TYPE":"transfer_item","source_path":"/share/godata/file1.txt",' ..
    '"destination_path":"/~/bench/file1.txt","recursive":false}]}'
  return wrk.format("POST", "/simulator/transfer/v0.10/transfer",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json",
      ["Accept"] = "application/json" }, body)
end

function response(status, headers, body)
  record("submit", now_ms() - started, status == 202, status)
end
