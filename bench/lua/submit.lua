-- Scenario 1 through the portal: each wrk thread is one logged-in user with one
-- connection, clicking through the form again and again: GET /transfer (a deep link:
-- the form with a fresh key, stored nowhere; the portal pre-fetches its submission id)
-- then POST /transfer (the draft is made from the key; the
-- submit click, answered by a redirect to /tasks/{id}), BENCH_THINK_MS apart, as a
-- person reads the form before clicking. The two are timed apart; think time is not
-- counted in either.
-- Usage: BENCH_SESSIONS=sessions.txt wrk -t N -c N ... -s submit.lua http://127.0.0.1:PORT
-- (one SESSION cookie value a line; -t equal to -c, so that each thread is one user).
-- With BENCH_LABELS=1 (the simulator failing calls on purpose, or two portal instances
-- behind a proxy), every form gets a label of its own (BENCH_LABEL_PREFIX, then the user
-- and form numbers), a page with a message ("role=alert") is read and the same form
-- submitted again, as a user would, and done() lists every label whose click ended on its
-- task ("confirmed", with the task id) or on neither the task nor a message ("unclear"),
-- so that tasks can be counted by label at the simulator afterwards.
-- Behind the bench's proxy, each answer names the instance that gave it (X-Upstream):
-- done() counts them per kind of request.
package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
require("common")

local next_session = 0
local sessions = {}

function init_sessions(path)
  for line in io.lines(path) do
    if line ~= "" then sessions[#sessions + 1] = line end
  end
end

-- Main state: hand each thread its own session cookie.
function setup(thread)
  if #sessions == 0 then init_sessions(os.getenv("BENCH_SESSIONS")) end
  next_session = next_session + 1
  thread:set("cookie", "SESSION=" .. sessions[(next_session - 1) % #sessions + 1])
  thread:set("user_no", next_session)
  register(thread)
end

local labels = os.getenv("BENCH_LABELS") == "1"
local label_prefix = os.getenv("BENCH_LABEL_PREFIX") or "bench-f"
if labels then LISTS = { "confirmed", "unclear" } end
confirmed, unclear = {}, {}
local forms, label = 0, "bench"

local function deep_link()
  return "/transfer?source_collection=6c54cade-bde5-45c1-bdea-f4bd71dba2cc" ..
    "&source_path=%2Fshare%2Fgodata%2Ffile1.txt&destination_collection=31ce9ba0-176d-45a5-add3-f37d233ba47d" ..
    "&destination_path=%2F~%2Fbench%2Ffile1.txt&label=" .. label
end

local function urlencode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

-- Which draft a page's form posts to: its draft once posted, its key before.
local function target_of(body)
  local draft = body and body:match('name="draft" value="([^"]+)"')
  if draft then return "draft=" .. urlencode(draft) end
  local key = body and body:match('name="key" value="([^"]+)"')
  if key then return "key=" .. urlencode(key) end
  return nil
end

local state, target, csrf, started = "open", nil, nil, 0
local think_ms = tonumber(os.getenv("BENCH_THINK_MS") or "0")

-- Think time between the form showing and the click (wrk asks before every request).
function delay()
  if state == "submit" then return think_ms end
  return 0
end

function request()
  started = now_ms()
  local headers = { ["Cookie"] = cookie, ["Accept"] = "text/html" }
  if state == "open" then
    if labels then
      forms = forms + 1
      label = label_prefix .. user_no .. "-" .. forms
    end
    return wrk.format("GET", deep_link(), headers)
  end
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  local body = target .. "&form=1&_csrf=" .. urlencode(csrf) ..
    "&source_collection=6c54cade-bde5-45c1-bdea-f4bd71dba2cc&source_path=%2Fshare%2Fgodata%2Ffile1.txt" ..
    "&destination_collection=31ce9ba0-176d-45a5-add3-f37d233ba47d&destination_path=%2F~%2Fbench%2Ffile1.txt" ..
    "&label=" .. label
  return wrk.format("POST", "/transfer", headers, body)
end

function response(status, headers, body)
  local ms = now_ms() - started
  served_by(state == "open" and "open_form" or "submit", headers)
  if state == "open" then
    target = target_of(body)
    csrf = body and body:match('name="_csrf" value="([^"]+)"')
    local ok = status == 200 and target ~= nil and csrf ~= nil
    record("open_form", ms, ok, status)
    if ok then state = "submit" end
  else
    local location = headers["Location"] or headers["location"] or ""
    local ok = status == 302 and location:find("/tasks/", 1, true) ~= nil
    if labels and not ok and status < 500 and body and body:find('role="alert"', 1, true) then
      -- A clear message with the form kept: read it, then submit the same form again.
      record("message", ms, true, status)
      target = target_of(body) or target
      csrf = body:match('name="_csrf" value="([^"]+)"') or csrf
      return
    end
    record("submit", ms, ok, status)
    if labels and ok then
      confirmed[#confirmed + 1] = label .. " " .. (location:match("/tasks/([^/?#]+)") or "")
    elseif labels then
      unclear[#unclear + 1] = label
    end
    state = "open"
  end
end
