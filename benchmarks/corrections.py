"""Benchmark: corrections at the speed of imports (issue 10, item 8).

In one fresh database, in one run:

1. a fresh 1,000,000-observation import (`storing.receive`, as `koers import`) – the
   baseline – and its publication;
2. a re-delivery of the same keys with every value changed: its import (diffed against the
   published values) and its publication (which supersedes the 1M published values);
3. the withdrawal of that published correction (the 1M previous values come back).

Each is reported as a ratio to the fresh import, in wall-clock seconds and in CPU seconds
(all threads; on a machine shared with other work the CPU ratio is the steadier figure).
Goal: the correction (import plus publication) ≤ 2× the fresh import, with flat memory:
the peak RSS growth of the correction's import no more than the fresh import's (each batch
reads only the published rows of its own keys, so it does not grow with the number of
values superseded). `goal_met` says whether this run met both; `load_average` is the
machine's load when it ended. Uses SQLite unless KOERS_DATABASE_URL is set:
`scripts/with-postgres python benchmarks/corrections.py` measures PostgreSQL.

    .venv/bin/python benchmarks/corrections.py [--rows 1000000]

Writes var/bench/corrections_<vendor>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def write_correction(source: Path, target: Path) -> None:
    """The same rows with every value changed (a blank becomes a value too)."""
    with source.open(encoding="utf-8") as rows, target.open("w", encoding="utf-8") as out:
        out.write(next(rows))
        lines = []
        for line in rows:
            head, _, value = line.rstrip("\n").rpartition(",")
            lines.append(f"{head},{float(value) + 0.5 if value else 0.5:.1f}\n")
            if len(lines) == 50_000:
                out.write("".join(lines))
                lines = []
        out.write("".join(lines))


def timed(action):
    """The action's result, wall-clock seconds, peak RSS growth (MB) and CPU seconds (all
    threads: less sensitive than the wall clock to other processes on a shared machine)."""
    from ingest_e2e import peak_rss, start_peak_rss

    before = start_peak_rss()
    start, cpu = time.perf_counter(), time.process_time()
    result = action()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return result, seconds, round(peak_rss() - before, 1), cpu


def run(rows: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        from ingest_e2e import mapping_file, setup

        setup(folder / "data")
        from django.db import connection
        from ingest_parse import write_file

        from koers.deliveries.models import Observation
        from koers.deliveries.storing import receive
        from koers.deliveries.workflow import transition

        def publish(delivery):
            for status in ("submitted", "approved", "published"):
                delivery = transition(delivery, status, user=None)
            return delivery

        source, correction_file = folder / "85004ned_bench.csv", folder / "85004ned_fix.csv"
        write_file(source, rows)
        write_correction(source, correction_file)
        mapping = mapping_file(folder)

        fresh, fresh_s, fresh_mb, fresh_cpu = timed(lambda: receive(source, mapping_path=mapping))
        assert fresh.status == "validated", fresh.report["errors"][:3]
        _, publish_fresh_s, _, _ = timed(lambda: publish(fresh))
        fix, fix_s, fix_mb, fix_cpu = timed(lambda: receive(correction_file, mapping_path=mapping))
        assert fix.status == "validated", fix.report["errors"][:3]
        assert fix.observations_superseded == fresh.observations_created == rows
        fix, publish_fix_s, publish_fix_mb, publish_fix_cpu = timed(lambda: publish(fix))
        retired = Observation.objects.filter(superseded_at__isnull=False).count()
        assert retired == rows, retired
        _, withdraw_s, withdraw_mb, _ = timed(lambda: transition(fix, "withdrawn", user=None))
        live = Observation.objects.filter(delivery__status="published", superseded_at__isnull=True)
        assert live.count() == rows
        ratio = (fix_s + publish_fix_s) / fresh_s
        cpu_ratio = (fix_cpu + publish_fix_cpu) / fresh_cpu
        return {
            "benchmark": "corrections",
            "database": connection.vendor,
            "rows": rows,
            "fresh_import_seconds": round(fresh_s, 3),
            "fresh_publication_seconds": round(publish_fresh_s, 3),
            "correction_import_seconds": round(fix_s, 3),
            "correction_publication_seconds": round(publish_fix_s, 3),
            "withdrawal_seconds": round(withdraw_s, 3),
            "ratio_correction_to_fresh_import": round(ratio, 2),
            "ratio_correction_to_fresh_import_cpu": round(cpu_ratio, 2),
            "ratio_correction_import_to_fresh_import": round(fix_s / fresh_s, 2),
            "ratio_withdrawal_to_fresh_import": round(withdraw_s / fresh_s, 2),
            "fresh_import_peak_rss_growth_mb": fresh_mb,
            "correction_import_peak_rss_growth_mb": fix_mb,
            "correction_publication_peak_rss_growth_mb": publish_fix_mb,
            "withdrawal_peak_rss_growth_mb": withdraw_mb,
            "goal": "correction (import + publication) <= 2x the fresh import; its import's "
            "peak RSS growth <= the fresh import's",
            "goal_met": ratio <= 2 and fix_mb <= fresh_mb,
            "load_average": " ".join(f"{x:.1f}" for x in os.getloadavg()),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--output", type=Path, help="default var/bench/corrections_<vendor>.json")
    args = parser.parse_args()
    result = run(args.rows)
    out = args.output or ROOT / "var" / "bench" / f"corrections_{result['database']}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    for key, value in result.items():
        print(f"{key:44} {value}")


if __name__ == "__main__":
    main()
