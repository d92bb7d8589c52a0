"""Benchmark: a 1,000,000-observation delivery end to end (parse, validate, store).

Runs `koers.deliveries.storing.receive` – the same path as `koers import` – on a
CBS-shaped file (provinces × months × breakdown codes) into a fresh database, and compares
it with a raw bulk insert of the same rows into the same table in the same run (executemany
on SQLite, COPY on PostgreSQL). Uses SQLite unless KOERS_DATABASE_URL is set, so
`scripts/with-postgres python benchmarks/ingest_e2e.py` measures PostgreSQL.

    .venv/bin/python benchmarks/ingest_e2e.py [--rows 1000000] [--compare-rows 500000]

Memory is the peak RSS during the import minus the RSS just before it, at two file sizes,
each in a fresh process: flat means the larger file costs about what the smaller one does,
so the growth per extra million rows is the figure to watch. The smaller size is 500k
because SQLite's page cache (capped at 64 MiB during an import) only fills up after about
400k rows; below that, the cache filling up looks like growth.

Writes var/bench/ingest_e2e_<vendor>.json. Goals: ≥ 200,000 observations/s on SQLite,
within 3× of the raw insert, memory flat.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def setup(data: Path) -> None:
    os.environ["KOERS_DATA_DIR"] = str(data)
    os.environ["DJANGO_SETTINGS_MODULE"] = "koers.settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0) if os.environ.get(
        "KOERS_DATABASE_URL"
    ) else None
    call_command("migrate", verbosity=0)
    from ingest_parse import CODES

    from koers.areas.builtin import load_builtin_areas
    from koers.indicators.models import Indicator

    load_builtin_areas()
    Indicator.objects.create(
        code="bench_vermogen", name="Benchmark", unit="MW", periodicity="month", min_value=0,
        decimals=1,
        breakdowns={"BronEnTechniek": {"codes": [{"code": c} for c in ["_T", *CODES]]}},
    )  # fmt: skip


def mapping_file(folder: Path) -> Path:
    import yaml
    from ingest_parse import MAPPING

    path = folder / "bench-mapping.yaml"
    path.write_text(yaml.safe_dump(MAPPING), encoding="utf-8")
    return path


def raw_insert_seconds(delivery_id: int) -> tuple[float, int]:
    """Insert the stored rows again as plain tuples and commit; removed again afterwards."""
    from django.db import connection, transaction

    from koers.deliveries import versions

    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT indicator_id, area_id, period, breakdown, value_kind, value, status,"  # noqa: S608
            f" version + 1, delivery_id, source_row, source_column"
            f" FROM {versions.TABLE} WHERE delivery_id = %s",
            [delivery_id],
        )
        rows = cursor.fetchall()
    stamp = versions._db_time(datetime.now(UTC))
    tuples = [(*row, stamp) for row in rows]
    columns = ", ".join(versions.INSERT_COLUMNS)
    start = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {versions.TABLE} ({columns}) FROM STDIN") as copy:
                for row in tuples:
                    copy.write_row(row)
        else:
            marks = ", ".join(["?"] * len(versions.INSERT_COLUMNS))
            connection.connection.executemany(
                f"INSERT INTO {versions.TABLE} ({columns}) VALUES ({marks})",  # noqa: S608
                tuples,
            )
    seconds = time.perf_counter() - start  # committed, like the import it is compared with
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {versions.TABLE} WHERE version = 2")  # noqa: S608
    return seconds, len(tuples)


def _status_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    raise LookupError(field)


def start_peak_rss() -> float:
    """Reset the process's peak RSS to its current RSS (Linux) and return that, in MB.

    Without a reset the peak of setting up (migrations, writing the file) would hide the
    import's own peak on small files. Elsewhere: the lifetime peak so far.
    """
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return _status_mb("VmRSS")
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def peak_rss() -> float:
    """The process's peak RSS in MB (since the last reset on Linux)."""
    try:
        return _status_mb("VmHWM")
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def import_once(rows: int, *, baseline: bool) -> dict:
    """Import a fresh `rows`-row file into a fresh database; time it, and the raw insert."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        setup(folder / "data")
        from django.db import connection
        from ingest_parse import write_file

        from koers.deliveries.storing import receive

        source = folder / "85004ned_bench.csv"
        write_file(source, rows)
        mapping = mapping_file(folder)
        rss_before = start_peak_rss()
        start = time.perf_counter()
        delivery = receive(source, mapping_path=mapping)
        seconds = time.perf_counter() - start
        rss_after = peak_rss()
        assert delivery.status == "validated", delivery.report["errors"][:3]
        raw = raw_insert_seconds(delivery.pk) if baseline else None
        return {
            "database": connection.vendor,
            "observations": delivery.observations_created,
            "seconds": seconds,
            "raw": raw,
            "rss_growth_mb": round(rss_after - rss_before, 1),
        }


def rss_growth_in_child(rows: int) -> float:
    """Peak RSS growth of importing `rows` rows, in a process of its own."""
    with tempfile.TemporaryDirectory() as tmp:
        output = Path(tmp) / "child.json"
        command = [sys.executable, __file__, "--rows", str(rows), "--compare-rows", "0"]
        command.append("--no-raw-insert")
        subprocess.run([*command, "--output", str(output)], check=True, stdout=subprocess.DEVNULL)
        return json.loads(output.read_text(encoding="utf-8"))["peak_rss_growth_mb"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument(
        "--compare-rows", type=int, default=500_000, help="second size for memory; 0: none"
    )
    parser.add_argument("--no-raw-insert", action="store_true", help="skip the baseline")
    parser.add_argument("--output", type=Path, help="default var/bench/ingest_e2e_<vendor>.json")
    args = parser.parse_args()
    run = import_once(args.rows, baseline=not args.no_raw_insert)
    result = {
        "benchmark": "ingest_e2e",
        "database": run["database"],
        "rows": args.rows,
        "observations_stored": run["observations"],
        "koers_seconds": round(run["seconds"], 3),
        "koers_observations_per_second": round(run["observations"] / run["seconds"]),
        "peak_rss_growth_mb": run["rss_growth_mb"],
    }
    if run["raw"]:
        raw_seconds, raw_rows = run["raw"]
        result |= {
            "raw_insert_seconds": round(raw_seconds, 3),
            "raw_insert_rows_per_second": round(raw_rows / raw_seconds),
            "ratio_koers_to_raw_insert": round(run["seconds"] / raw_seconds, 2),
        }
    if args.compare_rows and args.compare_rows != args.rows:
        small = rss_growth_in_child(args.compare_rows)
        extra_millions = (args.rows - args.compare_rows) / 1e6
        result |= {
            "compare_rows": args.compare_rows,
            "compare_peak_rss_growth_mb": small,
            "rss_growth_mb_per_extra_million_rows": round(
                (run["rss_growth_mb"] - small) / extra_millions, 1
            ),
        }
    out = args.output or ROOT / "var" / "bench" / f"ingest_e2e_{run['database']}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    for key, value in result.items():
        print(f"{key:38} {value}")


if __name__ == "__main__":
    main()
