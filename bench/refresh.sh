#!/usr/bin/env bash
# One day of e-mail events added to a benchmark workspace, then the dashboard refreshed:
#   bash bench/refresh.sh SCALE     (after bench/run.sh SCALE, which leaves its dataset and DuckDB
#                                    workspace under $CICLO_BENCH_WORK, default /tmp/ciclo-bench)
# Works on a copy of the workspace. The new day is the dataset's busiest day of events shifted to
# the day after the dataset ends (new events of existing campaigns and contacts, as a daily export
# would bring). Times `ciclo import` of that file (validation, upsert and the per-send rows of the
# campaigns it touches) and each dashboard command as a fresh process, then checks the per-send
# table against the events. Appends to bench/results/SCALE/refresh.txt. CICLO_REFRESH_IMPORT_ONLY=1
# times the import of the day only (for L, where each dashboard command takes minutes).
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
# Written to disk before the import, whose commit would otherwise wait for the copy's writeback.
sync
day="$copy/one-day.csv"
python3 - "$data/campaign_events.csv" "$day" <<'PY'
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
elapsed() { awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$1"; }
{
  echo "refresh $scale · $(date -u +%Y-%m-%dT%H:%MZ) · load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "one day: $(($(wc -l <"$day") - 1)) events in $(tail -n +2 "$day" | cut -d, -f1 | sort -u | wc -l) campaigns"
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
} | tee -a "$out"
rm -rf "$copy"
