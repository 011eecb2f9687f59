#!/usr/bin/env python3
"""Prints a JMH JSON result as a table: wall-clock score and MiB per CPU-second (from CpuMeter's counters)."""
import json
import sys

rows = json.load(open(sys.argv[1]))
print("| benchmark | params | wall ops/s (MiB/s) | MiB per CPU-second |")
print("| --- | --- | ---: | ---: |")
for row in rows:
    name = row["benchmark"].rsplit(".", 2)[-2] + "." + row["benchmark"].rsplit(".", 1)[-1]
    params = ", ".join(f"{k}={v}" for k, v in (row.get("params") or {}).items())
    secondary = row.get("secondaryMetrics", {})
    cpu = secondary.get("cpuMicros", {}).get("score")
    mib = secondary.get("mib", {}).get("score")
    per_cpu = f"{mib / (cpu / 1e6):,.0f}" if cpu and mib else "n/a"
    print(f"| {name} | {params} | {row['primaryMetric']['score']:,.0f} | {per_cpu} |")
