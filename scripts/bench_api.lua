-- wrk script for scripts/bench_api.py: sends the session cookie (BENCH_COOKIE) and, when
-- BENCH_IF_NONE_MATCH is set, a conditional request (BENCH_COLD: a built answer); counts answers by status and prints
-- one JSON line (requests, duration, latency percentiles, status counts) when done.
local cookie = os.getenv("BENCH_COOKIE")
local etag = os.getenv("BENCH_IF_NONE_MATCH")
if cookie and cookie ~= "" then wrk.headers["Cookie"] = cookie end
if etag and etag ~= "" then wrk.headers["If-None-Match"] = etag end
-- BENCH_COLD: the answer cache is bypassed (the server honours it only with its floors on).
if os.getenv("BENCH_COLD") == "1" then wrk.headers["X-Bench-Cold"] = "1" end
wrk.headers["Accept"] = "application/json"

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  ok, not_modified, other = 0, 0, 0
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    ok = ok + 1
  elseif status == 304 then
    not_modified = not_modified + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local counts = {ok = 0, not_modified = 0, other = 0}
  for _, thread in ipairs(threads) do
    counts.ok = counts.ok + thread:get("ok")
    counts.not_modified = counts.not_modified + thread:get("not_modified")
    counts.other = counts.other + thread:get("other")
  end
  local errors = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "p50_us": %d, ' ..
    '"p99_us": %d, "ok": %d, "not_modified": %d, "other": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50),
    latency:percentile(99), counts.ok, counts.not_modified, counts.other,
    errors.connect + errors.read + errors.write + errors.timeout))
end
