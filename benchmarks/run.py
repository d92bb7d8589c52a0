"""`make bench`: run every benchmark and print one summary table.

Each benchmark reports its figure as a ratio against a baseline measured in the same run
(raw DuckDB, a raw bulk insert, …), because the machines are noisy. Results land in
var/bench/*.json; this script prints them together at the end.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
WITH_POSTGRES = str(ROOT / "scripts" / "with-postgres")

RUNS = [
    ("ingest parse (1M rows)", [PYTHON, "benchmarks/ingest_parse.py"]),
    ("ingest end to end, SQLite (1M)", [PYTHON, "benchmarks/ingest_e2e.py"]),
    ("ingest end to end, PostgreSQL (1M)", [WITH_POSTGRES, PYTHON, "benchmarks/ingest_e2e.py"]),
    ("corrections: supersede and withdraw 1M, SQLite", [PYTHON, "benchmarks/corrections.py"]),
    ("corrections, PostgreSQL", [WITH_POSTGRES, PYTHON, "benchmarks/corrections.py"]),
    ("engine refresh (10M)", [PYTHON, "benchmarks/engine_refresh.py"]),
    ("open-data export (1M)", [PYTHON, "benchmarks/export_all.py"]),
    ("web pages under load", [PYTHON, "benchmarks/web_load.py"]),
    ("read published observations into Arrow, SQLite (1M)", [PYTHON, "benchmarks/read_arrow.py"]),
    (
        "read published observations into Arrow, PostgreSQL (1M)",
        [WITH_POSTGRES, PYTHON, "benchmarks/read_arrow.py"],
    ),
    ("freshness after publication, SQLite (1M stored)", [PYTHON, "benchmarks/freshness.py"]),
    (
        "freshness after publication, PostgreSQL (1M stored)",
        [WITH_POSTGRES, PYTHON, "benchmarks/freshness.py"],
    ),
    ("public load with open data (1M)", [PYTHON, "benchmarks/public_load.py"]),
]


def main() -> int:
    failed = []
    for name, command in RUNS:
        script = ROOT / command[-1]
        if not script.exists():
            print(f"-- {name}: {command[-1]} not present, skipped", flush=True)
            continue
        print(f"== {name}", flush=True)
        if subprocess.run(command, cwd=ROOT).returncode != 0:
            failed.append(name)
    print("\nSummary (var/bench/*.json):")
    for path in sorted((ROOT / "var" / "bench").glob("*.json")):
        data = json.loads(path.read_text())
        ratios = {
            k: v
            for k, v in data.items()
            if "ratio" in k or "per_second" in k or "p95" in k or k.startswith("goal")
        }
        print(f"  {path.stem:28} {ratios}")
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
