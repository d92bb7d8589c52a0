"""Benchmark: parse + validate a 1,000,000-row CBS-shaped CSV to Arrow batches.

The file has the shape of the real CBS regional tables (85004NED): padded region codes
(NL01, PV20-PV31, PV99) x monthly CBS periods x a padded breakdown code, one value column
with ~1 % blanks. The baseline is DuckDB's `read_csv` of the same file to Arrow, timed in
the same run, so the figure to compare over time is the ratio, not the seconds.

    .venv/bin/python benchmarks/ingest_parse.py [--rows 1000000]

Writes var/bench/ingest_parse.json. Target: parse+validate well over 500k rows/s, so that
the whole import (with storing) stays above 200k observations/s.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from koers.deliveries.ingest import (  # noqa: E402  (after the path fix, to run from a checkout)
    IndicatorSpec,
    ValidationContext,
    mapping_from_dict,
    read_delivery,
)

AREAS = ["NL01", *(f"PV{n}" for n in range(20, 32)), "PV99"]
CODES = [f"B{n:05d}" for n in range(1, 301)]
MAPPING = {
    "name": "bench-cbs-shape",
    "format": {"type": "csv", "delimiter": ","},
    "area": {"column": "RegioS"},
    "period": {"column": "Perioden", "style": "cbs"},
    "breakdowns": {"BronEnTechniek": {"column": "BronEnTechniek"}},
    "special_values": {".": "missing", "x": "confidential"},
    "values": [{"column": "OpgesteldElektrischVermogen_1", "indicator": "bench_vermogen"}],
}


def periods() -> list[str]:
    return [f"{year}MM{month:02d}" for year in range(2004, 2024) for month in range(1, 13)]


def write_file(path: Path, rows: int) -> None:
    """Stream a CBS-shaped CSV of exactly `rows` data rows (areas x periods x codes)."""
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("ID,RegioS,BronEnTechniek,Perioden,OpgesteldElektrischVermogen_1\n")
        n = 0
        lines = []
        for a, area in enumerate(AREAS):
            for c, code in enumerate(CODES):
                base = 100 + (a * 31 + c * 7) % 5000  # smooth series: few history warnings
                for i, period in enumerate(periods()):
                    if n == rows:
                        break
                    value = "" if n % 97 == 0 else f"{base + i * 0.5:.1f}"
                    lines.append(f"{n},{area:<6},{code:<8},{period},{value}\n")
                    n += 1
                    if len(lines) == 50_000:
                        out.write("".join(lines))
                        lines = []
        out.write("".join(lines))
    if n != rows:
        raise SystemExit(f"the generator makes at most {n} rows, asked {rows}")


def context() -> ValidationContext:
    spec = IndicatorSpec(
        code="bench_vermogen",
        minimum=0,
        periodicity="month",
        breakdowns={"BronEnTechniek": frozenset(["_T", *CODES])},
        decimals=1,
    )
    return ValidationContext(known_areas=frozenset(AREAS), indicators={spec.code: spec})


def time_ingest(path: Path) -> dict:
    mapping = mapping_from_dict(MAPPING, file="bench")
    start = time.perf_counter()
    ingest = read_delivery(path, mapping, context())
    observations = sum(batch.num_rows for batch in ingest)
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "rows_read": ingest.rows_read,
        "observations": observations,
        "errors": ingest.report.count(severity="error"),
        "warnings": ingest.report.count(severity="warning"),
    }


def time_duckdb(path: Path) -> float:
    start = time.perf_counter()
    con = duckdb.connect()
    table = con.sql(f"SELECT * FROM read_csv('{path}')").to_arrow_table()
    assert table.num_rows > 0
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--output", type=Path, default=ROOT / "var" / "bench" / "ingest_parse.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "85004ned_bench.csv"
        write_file(path, args.rows)
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        ours = time_ingest(path)
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        baseline = time_duckdb(path)
        size = path.stat().st_size
    result = {
        "benchmark": "ingest_parse",
        "rows": args.rows,
        "file_mb": round(size / 1e6, 1),
        "koers_seconds": round(ours["seconds"], 3),
        "koers_rows_per_second": round(ours["rows_read"] / ours["seconds"]),
        "duckdb_read_csv_seconds": round(baseline, 3),
        "duckdb_rows_per_second": round(args.rows / baseline),
        "ratio_koers_to_duckdb": round(ours["seconds"] / baseline, 2),
        "peak_rss_growth_mb": round((rss_after - rss_before) / 1024, 1),
        "observations": ours["observations"],
        "errors": ours["errors"],
        "warnings": ours["warnings"],
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    for key, value in result.items():
        print(f"{key:28} {value}")


if __name__ == "__main__":
    main()
