#!/usr/bin/env bash
# One day of e-mail events added to a benchmark workspace, then the dashboard refreshed:
#   bash bench/refresh.sh SCALE     (after bench/run.sh SCALE, which leaves its dataset and DuckDB
#                                    workspace under $CICLO_BENCH_WORK, default /tmp/ciclo-bench)
# Works on a copy of the workspace. The new day is the dataset's busiest day of events shifted to
# the day after the dataset ends (new events of existing campaigns and contacts, as a daily export
# would bring). Times `ciclo import` of that file (validation, upsert and the per-send rows of the
# campaigns it touches) and each dashboard command as a fresh process, then checks the per-send
# table against the events. Then, on a second copy served by `ciclo serve`, the dashboard's five
# requests answered once (the server's caches filled), the day uploaded through the API, and the
# first answer of each request after it: what a team on a shared server waits for. Appends to
# bench/results/SCALE/refresh.txt. CICLO_REFRESH_IMPORT_ONLY=1 times the import of the day only, as a
# command (for L, where each dashboard command takes minutes); CICLO_REFRESH_SERVER_ONLY=1 runs the
# server's part only.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
scale="${1:?usage: bench/refresh.sh SCALE}"
work="${CICLO_BENCH_WORK:-/tmp/ciclo-bench}"
data="$work/data-$scale"
ws="$work/ws-$scale/ciclo.duckdb"
out="$root/bench/results/$scale/refresh.txt"
[ -f "$ws" ] || { echo "no workspace at $ws: run bash bench/run.sh $scale first" >&2; exit 1; }
dotnet build src/Ciclo.Cli -c Release -v q -nologo >/dev/null
ciclo="$root/src/Ciclo.Cli/bin/Release/net10.0/ciclo"
copy="$work/refresh-$scale"
rm -rf "$copy" && mkdir -p "$copy"
cp "$ws" "$copy/ciclo.duckdb"
if [ "${CICLO_REFRESH_IMPORT_ONLY:-0}" != 1 ]; then cp "$ws" "$copy/served.duckdb"; fi
# Written to disk before the import, whose commit would otherwise wait for the copy's writeback.
sync
# The day is cut from the dataset once and kept beside it (at L the cut reads 6 GB for minutes).
day="$work/day-$scale.csv"
if [ ! -s "$day" ] || [ "$data/campaign_events.csv" -nt "$day" ]; then
python3 - "$data/campaign_events.csv" "$day.part" <<'PY'
import collections, csv, datetime, sys
source, target = sys.argv[1], sys.argv[2]
days, last = collections.Counter(), None
with open(source, newline="") as f:
    for row in csv.DictReader(f):
        d = row["occurred_at"][:10]
        days[d] += 1
        last = max(last or d, d)
busiest = days.most_common(1)[0][0]
shift = datetime.date.fromisoformat(last) - datetime.date.fromisoformat(busiest) + datetime.timedelta(days=1)
with open(source, newline="") as f, open(target, "w", newline="") as o:
    reader = csv.DictReader(f)
    writer = csv.DictWriter(o, fieldnames=reader.fieldnames, lineterminator="\n")
    writer.writeheader()
    for row in reader:
        if row["occurred_at"][:10] == busiest:
            at = datetime.datetime.fromisoformat(row["occurred_at"]) + shift
            row["occurred_at"] = at.isoformat()
            writer.writerow(row)
print(f"busiest day {busiest}: {days[busiest]} events, shifted to {datetime.date.fromisoformat(busiest) + shift}", file=sys.stderr)
PY
mv "$day.part" "$day"
fi
elapsed() { awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$1"; }

# The day through a server that has answered the dashboard once: upload, then each request's first answer.
served() {
  local port base server p t total=0
  port=$((5900 + RANDOM % 300))
  base="http://127.0.0.1:$port"
  /usr/bin/time -v -o "$copy/serve.time" "$ciclo" serve --db "$copy/served.duckdb" --urls "$base" --rate-limit 0 >"$copy/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do curl -sf "$base/api/health" >/dev/null && break; sleep 1; done
  local paths=("/api/metrics?from=2024-11-01&to=2026-11-30" "/api/metrics?from=2025-12-01&to=2026-11-30&stage=expand"
               "/api/campaigns?from=2024-11-01&to=2026-11-30" "/api/influence?model=last" "/api/programmes?from=2024-11-01&to=2026-11-30")
  for p in "${paths[@]}"; do
    echo "server, before the day, first answer $p: $(curl -sf -o /dev/null -w '%{time_total}' "$base$p")s"
  done
  t=$(curl -sf -o "$copy/upload.json" -w '%{time_total}' -F "file=@$day;type=text/csv" "$base/api/imports/campaign_events")
  echo "server, the day uploaded and imported: ${t}s ($(python3 -c 'import json, sys; s = json.load(open(sys.argv[1]))["summary"]; print(s["inserted"], "inserted,", s["rejected"], "rejected")' "$copy/upload.json"))"
  for p in "${paths[@]}"; do
    t=$(curl -sf -o /dev/null -w '%{time_total}' "$base$p")
    total=$(python3 -c "print(round($total + $t, 3))")
    echo "server, after the day, first answer $p: ${t}s"
  done
  echo "server, after the day, the five requests in turn: ${total}s"
  # Influence under another model reads nothing: the calculation from the data kept, and the latest day.
  echo "server, after the day, first answer /api/influence?model=first (influence's data kept): $(curl -sf -o /dev/null -w '%{time_total}' "$base/api/influence?model=first")s"
  pkill -TERM -P "$server" || true # the server, under /usr/bin/time
  wait "$server" 2>/dev/null || true
  echo "server, peak memory: $(awk -F': ' '/Maximum resident set size/ {printf "%.0f MiB", $2 / 1024}' "$copy/serve.time")"
}

{
  echo "refresh $scale · $(date -u +%Y-%m-%dT%H:%MZ) · load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "one day: $(($(wc -l <"$day") - 1)) events in $(tail -n +2 "$day" | cut -d, -f1 | sort -u | wc -l) campaigns"
  if [ "${CICLO_REFRESH_SERVER_ONLY:-0}" = 1 ]; then served; exit 0; fi
  /usr/bin/time -v -o "$copy/t" "$ciclo" import campaign_events "$day" --db "$copy/ciclo.duckdb" >/dev/null
  echo "import of the day: $(elapsed "$copy/t")"
  if [ "${CICLO_REFRESH_IMPORT_ONLY:-0}" = 1 ]; then exit 0; fi
  range=(--from 2024-11-01 --to 2026-11-30)
  total=0
  for cmd in "metrics ${range[*]}" "campaigns ${range[*]}" "influence" "programmes ${range[*]}"; do
    # shellcheck disable=SC2086
    /usr/bin/time -v -o "$copy/t" "$ciclo" $cmd --format json --db "$copy/ciclo.duckdb" >/dev/null
    echo "after the day, cold (new process): ciclo $cmd: $(elapsed "$copy/t")"
  done
  "$ciclo" check --db "$copy/ciclo.duckdb" | tail -1 || true
  served
} | tee -a "$out"
rm -rf "$copy"
