-- Mixed API requests for wrk: the dashboard's reads in several shapes, plus a few bad requests
-- (they must be 400, never 5xx). Counts answers by status class and prints one JSON line.
local paths = {
  "/api/metrics?from=2025-01-01&to=2026-10-31&grain=month",
  "/api/metrics?from=2026-01-01&to=2026-10-31&grain=quarter&stage=expand",
  "/api/metrics?from=2025-06-01&to=2026-06-30&grain=week&metric=churn_rate,retention_rate,upsell_revenue_share",
  "/api/metrics?from=2025-01-01&to=2026-10-31&grain=month&segment=segment%3DEnterprise",
  "/api/metrics?from=2025-01-01&to=2026-10-31&grain=quarter&segment=region%3DIT&time_zone=America%2FNew_York",
  "/api/metrics?from=2025-01-01&to=2026-10-31&program=vip&metric=member_churn_rate",
  "/api/campaigns?from=2025-01-01&to=2026-10-31&audience=customers",
  "/api/influence?model=linear&window=90",
  "/api/programmes?from=2026-01-01&to=2026-10-31&grain=quarter",
  "/api/verbatims?category=detractor&page=1&page_size=20",
  "/api/verbatims?language=it&page=2&page_size=10",
  "/api/themes?from=2025-01-01&to=2026-10-31&grain=quarter&lang=it",
  "/api/segments",
  "/api/catalog?lang=ar",
  "/api/settings",
  "/api/benchmarks",
  "/api/quarantine?lang=it",
  "/api/health",
  "/",
  "/api/metrics?grain=decade",
  "/api/metrics?segment=region%3DIT%27%20OR%201%3D1",
  "/api/verbatims?page_size=100000",
}

local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  s2, s3, s4, s5 = 0, 0, 0, 0
  counter = id
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function response(status, headers, body)
  if status >= 500 then s5 = s5 + 1
  elseif status >= 400 then s4 = s4 + 1
  elseif status >= 300 then s3 = s3 + 1
  else s2 = s2 + 1 end
end

function done(summary, latency, requests)
  local t2, t3, t4, t5 = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    t2 = t2 + t:get("s2"); t3 = t3 + t:get("s3"); t4 = t4 + t:get("s4"); t5 = t5 + t:get("s5")
  end
  local e = summary.errors
  io.write(string.format(
    'WRK {"requests":%d,"seconds":%.1f,"rps":%.1f,"p50_ms":%.1f,"p90_ms":%.1f,"p99_ms":%.1f,"max_ms":%.1f,"status_2xx":%d,"status_3xx":%d,"status_4xx":%d,"status_5xx":%d,"socket_errors":%d,"timeouts":%d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    t2, t3, t4, t5, e.connect + e.read + e.write, e.timeout))
end
