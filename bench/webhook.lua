-- wrk script for the ingest benchmark.
--
--   wrk -t2 -c64 -d10s -s bench/webhook.lua http://127.0.0.1:PORT/webhook -- TEMPLATE.json
--   wrk -t2 -c64 -d10s -s bench/webhook.lua http://127.0.0.1:PORT/-/healthy
--
-- With a template (bench/alert_payloads.py), every request is a POST of the template with a fresh 16-hex-digit
-- fingerprint in place of each @FP@: each request carries alerts the store has not seen, as a growing incident
-- does, rather than re-sends it could skip. Without one, the request is a plain GET of the URL (the ceiling).
-- At the end one JSON line goes to stdout: requests/s, latency percentiles (ms) and error counts.

local thread_count = 0
local parts = nil
local counter = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("tid", thread_count)
end

function init(args)
  if args[1] == nil then return end
  local file = assert(io.open(args[1], "rb"))
  local body = file:read("*a")
  file:close()
  parts = {}
  local start = 1
  while true do
    local from, to = string.find(body, "@FP@", start, true)
    if from == nil then break end
    parts[#parts + 1] = string.sub(body, start, from - 1)
    start = to + 1
  end
  parts[#parts + 1] = string.sub(body, start)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  if parts == nil then return wrk.format(nil, nil) end
  counter = counter + 1
  local out = {}
  local n = #parts
  for i = 1, n - 1 do
    out[2 * i - 1] = parts[i]
    -- thread (2 digits) + request counter (10) + alert index (4) = 16 hex digits, unique per alert sent.
    out[2 * i] = string.format("%02x%010x%04x", tid, counter, i)
  end
  out[2 * n - 1] = parts[n]
  return wrk.format("POST", nil, nil, table.concat(out))
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_s": %.3f, "rps": %.1f, "p50_ms": %.3f, "p90_ms": %.3f, "p99_ms": %.3f, ' ..
    '"max_ms": %.3f, "errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.connect, e.read, e.write, e.status, e.timeout))
end
