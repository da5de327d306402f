local paths = {
  "/api/metrics?from=2024-11-01&to=2026-10-31",
  "/api/metrics?from=2025-11-01&to=2026-10-31&stage=expand",
  "/api/campaigns?from=2024-11-01&to=2026-10-31",
  "/api/influence?model=last",
  "/api/programmes?from=2024-11-01&to=2026-10-31",
}
local i = 0
request = function() i = i % #paths + 1; return wrk.format("GET", paths[i]) end
