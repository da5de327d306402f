#!/usr/bin/env bash
# Soak run: `ciclo serve` over the demo workspace on loopback, wrk sending mixed API requests
# (bench/soak/requests.lua) while files are uploaded again and again through the server, for a
# while. Fails (exit 1) on any 5xx, any failed upload, any socket error or timeout, or server memory
# (resident set) growing more than --max-growth-mb between the end of the warm-up and the end.
# Prints the measured numbers as one JSON line starting with SOAK.
#
#   bench/soak/soak.sh [--seconds 300] [--warmup 15] [--connections 8] [--threads 2] [--max-growth-mb 96]
#
# Uses the built executable (CICLO, default src/Ciclo.Cli/bin/Release/net10.0/ciclo) and wrk.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
SECONDS_RUN=300 WARMUP=15 CONNECTIONS=8 THREADS=2 MAX_GROWTH_MB=96
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) SECONDS_RUN="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --max-growth-mb) MAX_GROWTH_MB="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
CICLO="${CICLO:-$ROOT/src/Ciclo.Cli/bin/Release/net10.0/ciclo}"
WRK="${WRK:-$(command -v wrk || true)}"
[ -x "$CICLO" ] || { echo "no ciclo executable at $CICLO (dotnet build -c Release)" >&2; exit 2; }
[ -n "$WRK" ] || { echo "wrk is not installed (scripts/install-deps.sh installs it)" >&2; exit 2; }

WORK="$(mktemp -d /tmp/ciclo-soak.XXXXXX)"
SERVER_PID="" IMPORTS_PID="" SAMPLER_PID=""
cleanup() {
  [ -n "$IMPORTS_PID" ] && kill "$IMPORTS_PID" 2>/dev/null || true
  [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null || true
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
cd "$WORK"

"$CICLO" demo > demo.log 2>&1
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
URL="http://127.0.0.1:$PORT"
"$CICLO" serve --db demo.duckdb --urls "$URL" --rate-limit 0 > serve.log 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 300); do
  kill -0 "$SERVER_PID" 2>/dev/null || break
  curl -sf "$URL/api/health" > /dev/null && break
  sleep 0.2
done
curl -sf "$URL/api/health" > /dev/null || { echo "server did not start" >&2; cat serve.log >&2; exit 1; }

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$SERVER_PID/status"; }

# Files the upload loop sends: two versions of the customers (every name changes each time), the
# revenue as it is (unchanged rows), and the surveys (the verbatim analysis runs again).
awk -F, 'BEGIN{OFS=","} NR==1{print; next} {$2=$2" A"; print}' demo-data/customers.csv > customers-a.csv
awk -F, 'BEGIN{OFS=","} NR==1{print; next} {$2=$2" B"; print}' demo-data/customers.csv > customers-b.csv
upload_loop() {
  local n=0 failed=0
  while [ ! -f stop-imports ]; do
    for spec in customers:customers-a.csv revenue:demo-data/revenue.csv customers:customers-b.csv surveys:demo-data/surveys.csv; do
      [ -f stop-imports ] && break
      local code
      code="$(curl -s -o /dev/null -w '%{http_code}' -F "file=@${spec#*:}" "$URL/api/imports/${spec%%:*}" || echo 000)"
      n=$((n + 1))
      [ "$code" = "200" ] || { failed=$((failed + 1)); echo "upload ${spec} -> $code" >> import-failures.log; }
      echo "$n $failed" > imports.count
    done
  done
}

# The uploads run through the warm-up too: the first imports size the server's buffers and open its
# reading connections, a one-time step and not growth.
echo "0 0" > imports.count
upload_loop &
IMPORTS_PID=$!
"$WRK" -t "$THREADS" -c "$CONNECTIONS" -d "${WARMUP}s" --timeout 30s -s "$HERE/requests.lua" "$URL" > warmup.out
RSS_BEFORE=$(rss_kb)
# The server's resident memory every 10 s, to tell a steady level from steady growth.
( while [ ! -f stop-imports ]; do echo $(( $(rss_kb) / 1024 )) >> rss.samples; sleep 10; done ) &
SAMPLER_PID=$!
"$WRK" -t "$THREADS" -c "$CONNECTIONS" -d "${SECONDS_RUN}s" --timeout 30s --latency -s "$HERE/requests.lua" "$URL" > run.out
touch stop-imports
wait "$IMPORTS_PID" || true
IMPORTS_PID=""
wait "$SAMPLER_PID" || true
SAMPLER_PID=""
SAMPLES="$(paste -sd, rss.samples)"
RSS_AFTER=$(rss_kb)
read -r IMPORTS IMPORT_FAILURES < imports.count
WRK_JSON="$(sed -n 's/^WRK //p' run.out)"
[ -n "$WRK_JSON" ] || { echo "wrk printed no summary" >&2; cat run.out >&2; exit 1; }

GROWTH_MB=$(( (RSS_AFTER - RSS_BEFORE) / 1024 ))
echo "SOAK {\"wrk\":$WRK_JSON,\"imports\":$IMPORTS,\"import_failures\":$IMPORT_FAILURES,\"rss_before_mb\":$((RSS_BEFORE / 1024)),\"rss_after_mb\":$((RSS_AFTER / 1024)),\"growth_mb\":$GROWTH_MB,\"rss_samples_mb\":[$SAMPLES],\"max_growth_mb\":$MAX_GROWTH_MB,\"connections\":$CONNECTIONS,\"threads\":$THREADS}"

status=0
echo "$WRK_JSON" | grep -q '"status_5xx":0,' || { echo "FAIL: 5xx answers" >&2; grep -iE "fail|error|exception" serve.log | head -20 >&2; status=1; }
echo "$WRK_JSON" | grep -q '"socket_errors":0,"timeouts":0}' || { echo "FAIL: socket errors or timeouts" >&2; status=1; }
[ "$IMPORT_FAILURES" = "0" ] || { echo "FAIL: uploads failed" >&2; cat import-failures.log >&2; status=1; }
[ "$IMPORTS" -gt 0 ] || { echo "FAIL: no upload ran" >&2; status=1; }
[ "$GROWTH_MB" -le "$MAX_GROWTH_MB" ] || { echo "FAIL: resident memory grew by $GROWTH_MB MB" >&2; status=1; }
exit $status
