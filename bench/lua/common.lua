-- Shared by the wrk scripts: a monotonic clock (LuaJIT FFI), per-thread latency
-- samples, and a done() that prints one JSON line of per-kind figures.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clk, bench_timespec *ts);
]]
local ts = ffi.new("bench_timespec")

function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

-- Samples kept per thread in flat tables (wrk's thread:get cannot copy nested ones):
-- the global "lat_<kind>" lists the latencies (ms) of the successful requests of a kind.
KINDS = { "open_form", "submit", "message" }
-- Names of per-thread flat lists of strings that done() prints, one "BENCH_LIST name
-- value" line per entry (set by a script, e.g. the labels of the submissions it saw end).
LISTS = {}
errors = {}    -- kind -> count
statuses = {}  -- "kind status" -> count
upstreams = {} -- "kind address" -> count: which instance answered, behind the bench's proxy

function record(kind, ms, ok, status)
  if ok then
    local list = _G["lat_" .. kind]
    if not list then list = {}; _G["lat_" .. kind] = list end
    list[#list + 1] = ms
  else
    errors[kind] = (errors[kind] or 0) + 1
  end
  local key = kind .. " " .. tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
end

-- Counts the answer under the instance that gave it, when a proxy names it in X-Upstream
-- (nginx's $upstream_addr: one address, or several when it tried another instance).
function served_by(kind, headers)
  local upstream = headers and (headers["X-Upstream"] or headers["x-upstream"])
  if upstream then
    local key = kind .. " " .. upstream
    upstreams[key] = (upstreams[key] or 0) + 1
  end
end

local threads = {}

function register(thread)
  threads[#threads + 1] = thread
end

local function percentile(sorted, p)
  if #sorted == 0 then return nil end
  local i = math.ceil(p / 100 * #sorted)
  if i < 1 then i = 1 end
  return sorted[i]
end

local function json_number(v)
  if v == nil then return "null" end
  return string.format("%.3f", v)
end

-- Prints BENCH_JSON {...}: per kind, ok count, error count, mean and percentiles.
function done(summary, latency, requests)
  local all, errs, stats, ups = {}, {}, {}, {}
  for _, t in ipairs(threads) do
    for _, kind in ipairs(KINDS) do
      local list = t:get("lat_" .. kind)
      if list then
        all[kind] = all[kind] or {}
        for _, v in ipairs(list) do all[kind][#all[kind] + 1] = v end
      end
    end
    for kind, n in pairs(t:get("errors") or {}) do errs[kind] = (errs[kind] or 0) + n end
    for key, n in pairs(t:get("statuses") or {}) do stats[key] = (stats[key] or 0) + n end
    for key, n in pairs(t:get("upstreams") or {}) do ups[key] = (ups[key] or 0) + n end
  end
  local parts = {}
  local kinds = {}
  for kind in pairs(all) do kinds[kind] = true end
  for kind in pairs(errs) do kinds[kind] = true end
  for kind in pairs(kinds) do
    local list = all[kind] or {}
    table.sort(list)
    local sum = 0
    for _, v in ipairs(list) do sum = sum + v end
    parts[#parts + 1] = string.format(
      '"%s":{"ok":%d,"errors":%d,"mean_ms":%s,"p50_ms":%s,"p95_ms":%s,"p99_ms":%s,"max_ms":%s}',
      kind, #list, errs[kind] or 0, json_number(#list > 0 and sum / #list or nil),
      json_number(percentile(list, 50)), json_number(percentile(list, 95)), json_number(percentile(list, 99)),
      json_number(list[#list]))
  end
  for _, t in ipairs(threads) do
    for _, name in ipairs(LISTS) do
      for _, v in ipairs(t:get(name) or {}) do io.write("BENCH_LIST " .. name .. " " .. v .. "\n") end
    end
  end
  local st, up = {}, {}
  for key, n in pairs(stats) do st[#st + 1] = string.format('"%s":%d', key, n) end
  for key, n in pairs(ups) do up[#up + 1] = string.format('"%s":%d', key, n) end
  io.write(string.format(
    'BENCH_JSON {"kinds":{%s},"statuses":{%s},"upstreams":{%s},"wrk":{"duration_s":%.3f,"requests":%d,' ..
    '"bytes":%d,"connect_errors":%d,"read_errors":%d,"write_errors":%d,"status_errors":%d,"timeouts":%d}}\n',
    table.concat(parts, ","), table.concat(st, ","), table.concat(up, ","), summary.duration / 1e6,
    summary.requests, summary.bytes,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status,
    summary.errors.timeout))
end
