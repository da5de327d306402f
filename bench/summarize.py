#!/usr/bin/env python3
"""Prints the markdown tables of docs/performance.md from bench/results/SCALE/bench.jsonl.

Usage: python3 bench/summarize.py S M
"""
import json
import sys
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
ORDER = ["customers", "fx_rates", "revenue", "campaigns", "campaign_events", "surveys", "leads", "channel_stats", "program_members"]


def load(scale):
    rows = [json.loads(line) for line in (RESULTS / scale / "bench.jsonl").read_text().splitlines() if line.strip()]
    return {(r["Engine"], r["What"], r["Part"]): r for r in rows}


def seconds(value):
    return f"{value:.2f} s" if value >= 0.1 else f"{value * 1000:.0f} ms"


def imports(scale, m):
    print(f"\n#### Import, scale {scale}\n")
    for engine in ("duckdb", "postgres"):
        if (engine, "import", "customers") not in m:
            continue
        # DuckDB's COPY is also measured into tables declared as Ciclo declares them (each column's compression).
        declared = (engine, "COPY, declared storage", "customers") in m
        print(f"| {engine} entity | rows | Ciclo import | rows/s | bare COPY | ratio |" + (" COPY, declared storage | ratio |" if declared else ""))
        print("|---|---:|---:|---:|---:|---:|" + ("---:|---:|" if declared else ""))
        total_i = total_c = total_d = 0.0
        for e in ORDER:
            i = m[(engine, "import", e)]
            c = m[(engine, "bare COPY", e)]
            total_i += i["Seconds"]
            total_c += c["Seconds"]
            extra = ""
            if declared:
                d = m[(engine, "COPY, declared storage", e)]
                total_d += d["Seconds"]
                extra = f" {seconds(d['Seconds'])} | {i['Seconds'] / d['Seconds']:.2f}x |"
            print(f"| {e} | {i['Rows']:,} | {seconds(i['Seconds'])} | {i['Rows'] / i['Seconds']:,.0f} | {seconds(c['Seconds'])} | {i['Seconds'] / c['Seconds']:.2f}x |" + extra)
        extra = f" **{seconds(total_d)}** | **{total_i / total_d:.2f}x** |" if declared else ""
        print(f"| **all** | | **{seconds(total_i)}** | | **{seconds(total_c)}** | **{total_i / total_c:.2f}x** |" + extra + "\n")
        # The floor of an import that keeps what Ciclo derives on import: the declared COPY, then the
        # per-send table and its rollups from the copied events and the comments' analysis, no validation.
        parts = [m[(engine, "floor", p)] for p in ("per-send rows and rollups", "comments' analysis") if (engine, "floor", p) in m]
        if declared and len(parts) == 2:
            floor = total_d + sum(p["Seconds"] for p in parts)
            print(f"Floor without validation: declared COPY {seconds(total_d)} + per-send rows and rollups from the copied events "
                  f"{seconds(parts[0]['Seconds'])} ({parts[0]['Rows']:,} rows) + comments' analysis {seconds(parts[1]['Seconds'])} "
                  f"= **{seconds(floor)}**, **{floor / total_c:.2f}x** the bare COPY; Ciclo's import is {total_i / floor:.2f}x that floor.\n")


def dashboards(scale, m):
    print(f"\n#### Dashboard, scale {scale}\n")
    print("| engine | pass | metrics | campaigns | influence | dashboard (metrics + campaigns + influence) | hand-written SQL | ratio | programmes | with programmes | ratio | one metric, one month |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for engine in ("duckdb", "postgres"):
        for p in ("cold", "hot"):
            key = (engine, "dashboard " + p, "total")
            if key not in m:
                continue
            parts = [seconds(m[(engine, "dashboard " + p, n)]["Seconds"]) for n in ("metrics", "campaigns", "influence")]
            total = m[key]["Seconds"]
            programmes = m[(engine, "dashboard " + p, "programmes")]["Seconds"]
            dashboard = m.get((engine, "dashboard " + p, "dashboard"), {"Seconds": total - programmes})["Seconds"]
            hand = m[(engine, "hand-written SQL " + p, "total")]["Seconds"]
            one = m.get((engine, "one metric", "expansion_revenue, Sep 2026 (cold)"))
            print(f"| {engine} | {p} | {' | '.join(parts)} | **{seconds(dashboard)}** | {seconds(hand)} | **{dashboard / hand:.1f}x** | {seconds(programmes)} | {seconds(total)} | {total / hand:.1f}x | "
                  f"{seconds(one['Seconds']) if one and p == 'cold' else ''} |")


for s in sys.argv[1:] or ["S", "M"]:
    data = load(s)
    imports(s, data)
    dashboards(s, data)
