#!/usr/bin/env bash
# The performance suite, one command: bash bench/run.sh [SCALE ...]   (default: S M)
# Per scale: generates the dataset (ciclo generate), runs bench/scale (Ciclo's import per entity
# vs DuckDB's bare COPY, the full dashboard cold and hot vs hand-written SQL, one metric, on
# DuckDB and PostgreSQL) under /usr/bin/time for its peak memory, times each dashboard command
# of the built `ciclo` as a fresh process (cold, with its peak memory), then serves the DuckDB
# workspace and measures the dashboard endpoints: first (uncached) and warm answers, and wrk
# with 64 connections for 10 s on the cached dashboard requests. Results go to
# bench/results/SCALE/ (summary.txt, bench.jsonl) and are summarised in docs/performance.md.
# Env: CICLO_BENCH_WORK (default /tmp/ciclo-bench); CICLO_BENCH_POSTGRES_SCALES, the scales also run on
# PostgreSQL (default "S": Ciclo's PostgreSQL dashboard takes minutes already at S; "" for none).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
work="${CICLO_BENCH_WORK:-/tmp/ciclo-bench}"
scales=("$@")
[ ${#scales[@]} -eq 0 ] && scales=(S M)

dotnet build src/Ciclo.Cli -c Release -v q -nologo >/dev/null
dotnet build bench/scale -c Release -v q -nologo >/dev/null
ciclo="$root/src/Ciclo.Cli/bin/Release/net10.0/ciclo"
bench="$root/bench/scale/bin/Release/net10.0/Scale.Bench.dll"
pg_scales=" ${CICLO_BENCH_POSTGRES_SCALES-S} "
if [ "$pg_scales" != "  " ]; then
  eval "$(bash scripts/services.sh start)"
fi

peak() { awk -F': ' '/Maximum resident set size/ {printf "%.0f MiB", $2 / 1024}' "$1"; }
elapsed() { awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$1"; }

for scale in "${scales[@]}"; do
  out="$root/bench/results/$scale"
  data="$work/data-$scale"
  mkdir -p "$out" "$work"
  summary="$out/summary.txt"
  postgres=()
  if [[ "$pg_scales" == *" $scale "* ]]; then postgres=(--postgres "$CICLO_TEST_POSTGRES"); fi
  {
    echo "scale $scale · $(date -u +%Y-%m-%dT%H:%MZ) · $(nproc) cores · $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) · $(uname -sr)"
    echo "cpu: $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo) · load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  } >"$summary"

  rm -rf "$data"
  /usr/bin/time -v -o "$out/generate.time" "$ciclo" generate --out "$data" --scale "$scale" >"$out/generate.txt"
  echo "generate: $(elapsed "$out/generate.time"), peak $(peak "$out/generate.time"), $(du -sh "$data" | cut -f1) of CSV" >>"$summary"
  cat "$out/generate.txt" >>"$summary"

  /usr/bin/time -v -o "$out/bench.time" dotnet "$bench" --data "$data" --work "$work/ws-$scale" --scale "$scale" \
    "${postgres[@]}" --out "$out/bench.jsonl" | tee "$out/bench.txt"
  echo "bench/scale (import, baselines, dashboards): $(elapsed "$out/bench.time"), peak $(peak "$out/bench.time")" >>"$summary"
  cat "$out/bench.txt" >>"$summary"

  db="$work/ws-$scale/ciclo.duckdb"
  range=(--from 2024-11-01 --to 2026-10-31)
  for cmd in "metrics ${range[*]}" "campaigns ${range[*]}" "influence" "programmes ${range[*]}" "metrics --from 2026-09-01 --to 2026-09-30 --metric expansion_revenue"; do
    # shellcheck disable=SC2086
    /usr/bin/time -v -o "$out/cli.time" "$ciclo" $cmd --format json --db "$db" >/dev/null
    echo "cli cold (new process): ciclo $cmd: $(elapsed "$out/cli.time"), peak $(peak "$out/cli.time")" >>"$summary"
  done

  port=$((5600 + RANDOM % 300))
  base="http://127.0.0.1:$port"
  # The per-client rate limit is off: the load run sends far more than one client would.
  "$ciclo" serve --db "$db" --urls "$base" --rate-limit 0 >"$out/serve.log" 2>&1 &
  server=$!
  trap 'kill "$server" 2>/dev/null || true' EXIT
  for _ in $(seq 1 60); do curl -sf "$base/api/health" >/dev/null && break; sleep 1; done
  paths=("/api/metrics?from=2024-11-01&to=2026-10-31" "/api/metrics?from=2025-11-01&to=2026-10-31&stage=expand"
         "/api/campaigns?from=2024-11-01&to=2026-10-31" "/api/influence?model=last" "/api/programmes?from=2024-11-01&to=2026-10-31")
  for p in "${paths[@]}"; do
    first=$(curl -sf -o /dev/null -w '%{time_total}' "$base$p")
    warm=$(for _ in 1 2 3 4 5; do curl -sf -o /dev/null -w '%{time_total}\n' "$base$p"; done | sort -n | sed -n 3p)
    size=$(curl -sf "$base$p" | wc -c)
    echo "api $p: first ${first}s, warm (median of 5) ${warm}s, ${size} bytes" >>"$summary"
  done
  lua="$out/dashboard.lua"
  {
    echo "local paths = {"
    for p in "${paths[@]}"; do echo "  \"$p\","; done
    echo "}"
    echo "local i = 0"
    echo "request = function() i = i % #paths + 1; return wrk.format(\"GET\", paths[i]) end"
  } >"$lua"
  wrk -t2 -c64 -d10s --latency -s "$lua" "$base" >"$out/wrk.txt"
  echo "wrk, 64 connections, 10 s, the five dashboard requests in turn (cached):" >>"$summary"
  grep -E "Requests/sec|Transfer/sec|  50%|  99%|Non-2xx|Socket errors" "$out/wrk.txt" >>"$summary" || true
  wrk -t2 -c64 -d10s --latency "$base/api/metrics?from=2025-11-01&to=2026-10-31&stage=expand" >"$out/wrk-expand.txt"
  echo "wrk, 64 connections, 10 s, the expansion page's metrics request only (cached):" >>"$summary"
  grep -E "Requests/sec|  50%|  99%|Non-2xx" "$out/wrk-expand.txt" >>"$summary" || true
  kill "$server"
  wait "$server" 2>/dev/null || true
  trap - EXIT
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$summary"
  echo "== $summary"
  cat "$summary"
done
