#!/usr/bin/env bash
# Runs the whole test suite from a clean clone: installs and starts what the tests need (Chromium, PostgreSQL, ClickHouse), restores,
# builds (Release) and tests every project, then prints one line "N passed, N failed" summed from dotnet test's per-assembly lines.
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
# Real database servers on 127.0.0.1 for the equivalence tests; stopped when the run ends.
eval "$(bash scripts/services.sh start)"
export CICLO_TEST_POSTGRES CICLO_TEST_CLICKHOUSE

log="$(mktemp)"
trap 'rm -f "$log"; bash scripts/services.sh stop' EXIT

dotnet test Ciclo.sln -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

read -r passed failed < <(awk '/^(Passed|Failed)!/ {
    for (i = 1; i <= NF; i++) { if ($i == "Passed:") p += $(i + 1) + 0; if ($i == "Failed:") f += $(i + 1) + 0 }
  } END { print p + 0, f + 0 }' "$log")
echo "${passed} passed, ${failed} failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
