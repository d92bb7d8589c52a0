"""Benchmark: reading the published observations from the database into Arrow.

`koers.analytics.sources.observations()` is the engine's input for every refresh, export
and lineage. With N published observations stored (a CBS-shaped delivery, imported with
`storing.receive` and published), it is timed against two baselines in the same run:

- **raw scan** (the goal's baseline): the same twelve columns read from the observation
  table alone, with no join and no filter, by the fastest columnar reader for the database:
  ADBC on both (on SQLite what a DuckDB scan of the SQLite file also does: one
  `sqlite3_step` per row, here in the same child process Koers reads through; on PostgreSQL
  a binary `COPY` decoded in C, which is what DuckDB's postgres scanner does). DuckDB's
  sqlite and postgres extensions cannot be installed offline, so these stand in for
  "DuckDB scanning the database". Goal: at most 3×.
- **row by row** (the read before Arrow transport): the same query through Django's
  cursor into Python tuples, then Arrow; printed to show what changed.
- **DuckDB over Parquet** (a reference, not the goal): DuckDB running the same joins and
  filter over Parquet copies of the five tables, i.e. the floor for a columnar engine that
  owns the data.

Both Koers and the baselines read the published state: rows of published deliveries with
`superseded_at IS NULL`.

Uses SQLite unless KOERS_DATABASE_URL is set (`scripts/with-postgres python
benchmarks/read_arrow.py`). Writes var/bench/read_arrow_<vendor>.json.

    .venv/bin/python benchmarks/read_arrow.py [--rows 1000000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def best_of(repeat: int, fn) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def publish_delivery(folder: Path, rows: int) -> int:
    from ingest_e2e import mapping_file, setup
    from ingest_parse import write_file

    setup(folder / "data")
    from koers.deliveries.models import Delivery
    from koers.deliveries.storing import receive

    source = folder / "85004ned_bench.csv"
    write_file(source, rows)
    delivery = receive(source, mapping_path=mapping_file(folder))
    assert delivery.status == "validated", delivery.report["errors"][:3]
    # Straight to published: the benchmark is about the read, not the workflow.
    Delivery.objects.filter(pk=delivery.pk).update(status="published")
    return delivery.observations_created


def raw_scan():
    """The same columns from the observation table alone, no join, no filter."""
    from django.db import connection

    from koers.deliveries.models import Observation

    columns = (
        "id, indicator_id, area_id, period, breakdown, value_kind, value, status, version,"
        " delivery_id, source_row, source_column"
    )
    sql = f"SELECT {columns} FROM {Observation._meta.db_table}"  # noqa: S608
    if connection.vendor == "sqlite":
        from koers.analytics.sources import _read_sqlite

        return _read_sqlite(sql, [])  # the same child-process ADBC reader Koers uses
    import adbc_driver_postgresql.dbapi

    with adbc_driver_postgresql.dbapi.connect(postgres_uri()) as adbc, adbc.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetch_arrow_table()


def postgres_uri() -> str:
    from django.db import connection

    db = connection.settings_dict
    return f"postgresql://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def row_by_row():
    """The same query through Django's cursor into Python tuples (the transport before)."""
    from koers.analytics import sources

    table = sources._read_rows(*sources.published_query())
    return sources._with_codes(table.rename_columns(sources._COLUMNS))


def duckdb_over_parquet(folder: Path):
    """DuckDB runs the same published-rows query over Parquet copies of the tables."""
    import duckdb
    import pyarrow.parquet as pq
    from django.db import connection

    from koers.analytics import sources
    from koers.areas.models import Area
    from koers.deliveries.models import StoredFile
    from koers.indicators.models import Indicator

    FILE, INDICATOR, AREA = (m._meta.db_table for m in (StoredFile, Indicator, Area))  # noqa: N806
    copies = {}
    for name in (sources._OBS, sources._DELIVERY, FILE, INDICATOR, AREA):
        path = folder / f"{name}.parquet"
        if connection.vendor == "sqlite":
            pq.write_table(sources._read_sqlite(f"SELECT * FROM {name}", []), path)  # noqa: S608
        else:
            import adbc_driver_postgresql.dbapi

            with (
                adbc_driver_postgresql.dbapi.connect(postgres_uri()) as adbc,
                adbc.cursor() as cursor,
            ):
                cursor.execute(f"SELECT * FROM {name}")  # noqa: S608
                pq.write_table(cursor.fetch_arrow_table(), path)
        copies[name] = f"read_parquet('{path}')"
    sql = f"""
        SELECT o.id AS obs_id, i.code AS indicator, a.code AS area, o.period, o.breakdown,
               o.value_kind, o.value, o.status, o.version, o.delivery_id,
               f.name AS source_file, o.source_row
        FROM {copies[sources._OBS]} o
        JOIN {copies[sources._DELIVERY]} d ON d.id = o.delivery_id
        JOIN {copies[FILE]} f ON f.id = d.file_id
        JOIN {copies[INDICATOR]} i ON i.id = o.indicator_id
        JOIN {copies[AREA]} a ON a.id = o.area_id
        WHERE d.status = 'published' AND o.superseded_at IS NULL
    """  # noqa: S608
    con = duckdb.connect()
    return lambda: con.sql(sql).to_arrow_table()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        stored = publish_delivery(folder, args.rows)
        from django.db import connection

        from koers.analytics.sources import observations

        read_seconds, table = best_of(args.repeat, observations)
        raw_seconds, raw = best_of(args.repeat, raw_scan)
        duck_seconds, duck = best_of(args.repeat, duckdb_over_parquet(folder))
        rows_seconds, _ = best_of(1, row_by_row)
        assert table.num_rows == stored == raw.num_rows, (table.num_rows, stored, raw.num_rows)
        assert duck.num_rows == stored, duck.num_rows
        result = {
            "benchmark": "read_arrow",
            "database": connection.vendor,
            "observations": stored,
            "koers_seconds": round(read_seconds, 3),
            "raw_scan_seconds": round(raw_seconds, 3),
            "duckdb_parquet_seconds": round(duck_seconds, 3),
            "ratio_koers_to_raw_scan": round(read_seconds / raw_seconds, 2),
            "ratio_koers_to_duckdb_parquet": round(read_seconds / duck_seconds, 2),
            "row_by_row_seconds": round(rows_seconds, 3),  # the read before this change
            "ratio_row_by_row_to_raw_scan": round(rows_seconds / raw_seconds, 2),
        }
    out = ROOT / "var" / "bench" / f"read_arrow_{result['database']}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
