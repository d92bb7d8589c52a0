"""Benchmark the open-data export against a plain DuckDB COPY of the same rows to Parquet.

    python benchmarks/export_all.py [--rows N]          (default 1,000,000)
    scripts/with-postgres python benchmarks/export_all.py   (the same on PostgreSQL)

Generates published observations in the shape of the real data (the catalogue's indicators
and breakdown codes, NL01, PV20-PV31 and PV99, CBS-like years, a few missing and estimated
values) and stores them with the bulk insert the storing uses (`versions.insert`) in one
published delivery. Then times, in one run: the query (database to the tidy Arrow table),
each export format in full (all indicators in one file plus a file per indicator), each
combined file alone, and a DuckDB `COPY (SELECT ...) TO 'x.parquet'` of the same rows as
the baseline, and what the open-data page needs (the list with last updates). Prints a
table and writes var/bench/export.json.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import platform
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
AREAS = ["NL01", *(f"PV{n}" for n in range(20, 32)), "PV99"]
KINDS = ["realisation", "target", "forecast"]


def setup(data_dir: Path) -> None:
    """Django on a fresh SQLite file (or the KOERS_DATABASE_URL database), migrated."""
    os.environ.setdefault("KOERS_DATA_DIR", str(data_dir))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koers.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def series_of_catalogue() -> list[tuple[int, str]]:
    """(indicator id, canonical breakdown) for every code combination the catalogue allows."""
    from koers.engine.breakdown import canonical_breakdown
    from koers.indicators.models import Indicator

    out = []
    for ind in Indicator.objects.order_by("code"):
        dims = sorted(ind.breakdowns or {})
        codes = [[c["code"] for c in ind.breakdowns[d]["codes"]] for d in dims]
        for combo in itertools.product(*codes):
            out.append((ind.pk, canonical_breakdown(dict(zip(dims, combo, strict=True)))))
    return out


def generate(rows: int, series: list[tuple[int, str]], area_ids: list[int], seed: int = 11):
    """The observation rows `versions.insert` stores, keyed like real CBS yearly data."""
    per_year = len(series) * len(area_ids) * len(KINDS)
    years = math.ceil(rows / per_year)
    idx = np.arange(rows, dtype=np.int64)
    year, rest = idx // per_year, idx % per_year
    s, rest = rest // (len(area_ids) * len(KINDS)), rest % (len(area_ids) * len(KINDS))
    area, kind = rest // len(KINDS), rest % len(KINDS)
    rng = np.random.default_rng(seed)
    values = np.round(rng.gamma(2.0, 500.0, rows), 1)
    roll = rng.random(rows)
    status = np.where(roll < 0.02, 2, np.where(roll < 0.05, 1, 0))  # missing, estimated
    table = pa.table(
        {
            "indicator_id": pa.array([i for i, _ in series]).take(pa.array(s)),
            "area_id": pa.array(area_ids).take(pa.array(area)),
            "period": pa.array([str(2024 - y) for y in range(years)]).take(pa.array(year)),
            "breakdown": pa.array([b for _, b in series]).take(pa.array(s)),
            "value_kind": pa.array(KINDS).take(pa.array(kind)),
            "value": pa.array(values, mask=status == 2),
            "status": pa.array(["normal", "estimated", "missing"]).take(pa.array(status)),
            "version": pa.array(np.ones(rows, np.int64)),
            "source_row": pa.array(idx + 2),
            "source_column": pa.array(["Waarde"]).take(pa.array(np.zeros(rows, np.int64))),
        }
    )
    return table, years


def store(rows: int) -> dict:
    """Load the register and catalogue, then one published delivery with ``rows`` values."""
    from django.db import transaction

    from koers.areas.builtin import load_builtin_areas
    from koers.areas.models import Area
    from koers.deliveries.models import Delivery, StoredFile, Transition
    from koers.deliveries.versions import insert
    from koers.indicators.catalogue import load_catalogue
    from koers.programme.loader import load_programme_definition

    load_programme_definition()
    load_builtin_areas()
    load_catalogue()
    series = series_of_catalogue()
    area_ids = [Area.objects.get(code=c).pk for c in AREAS]
    table, years = generate(rows, series, area_ids)
    started = time.perf_counter()
    with transaction.atomic():
        stored = StoredFile.objects.create(sha256="0" * 64, name="bench.csv", size=0)
        delivery = Delivery.objects.create(file=stored, channel="cli", status="published")
        Transition.objects.create(delivery=delivery, from_status="approved", to_status="published")
        insert(table, delivery_id=delivery.pk, recorded_at=datetime.now(UTC))
    return {"series": len(series), "years": years, "insert_s": time.perf_counter() - started}


def timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def duckdb_copy(table: pa.Table, folder: Path, *, runs: int = 3) -> float:
    """Best of a few runs: the baseline is short, so one run is mostly noise."""
    con = duckdb.connect()
    con.register("published", table)
    target = folder / "baseline.parquet"
    seconds = min(
        timed(lambda: con.execute(f"COPY (SELECT * FROM published) TO '{target}'"))
        for _ in range(runs)
    )
    con.close()
    return seconds


def run(rows: int, workdir: Path) -> dict:
    setup(workdir / "data")
    from django.db import connection

    from koers.publication.dataset import published, published_indicators
    from koers.publication.export import EXPORT_FORMATS, write_format
    from koers.publication.formats import Site, combined_file
    from koers.publication.renderings import Rendering, render
    from koers.publication.vocabularies import licence

    shape = store(rows)
    publication = None

    def query():
        nonlocal publication
        publication = published()

    figures = {"query": timed(query), "page listing": timed(published_indicators)}
    table = publication.observations
    assert table.num_rows == rows, table.num_rows
    baseline = duckdb_copy(table, workdir)
    site = Site(base_url="https://koers.example.nl", licence=licence())
    everything = tuple(publication.indicators.values())
    for name in EXPORT_FORMATS:
        out = workdir / "full"
        figures[name] = timed(lambda n=name, o=out: write_format(publication, n, o, site=site))
    how = Rendering(site, everything, per_indicator=False)
    for suffix in ("csv", "parquet", "json", "sdmx.xml", "sdmx.csv"):
        path = workdir / "combined" / combined_file(suffix)
        figures[f"combined {suffix}"] = timed(
            lambda s=suffix, p=path: render(publication, s, p, how)
        )
    return {
        "rows": rows,
        "indicators": len(publication.indicators),
        "database": connection.vendor,
        "shape": shape,
        "baseline_duckdb_copy_parquet_s": baseline,
        "seconds": figures,
        "ratio_to_baseline": {k: v / baseline for k, v in figures.items()},
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=ROOT / "var" / "bench" / "export.json")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="koers-export-bench-") as tmp:
        result = run(args.rows, Path(tmp))
    base = result["baseline_duckdb_copy_parquet_s"]
    print(
        f"{result['rows']:,} published observations, {result['indicators']} indicators, "
        f"{result['database']}; baseline DuckDB COPY to Parquet {base:.3f} s"
    )
    print(f"{'step':<22}{'seconds':>10}{'x baseline':>12}")
    for step, seconds in result["seconds"].items():
        print(f"{step:<22}{seconds:>10.2f}{seconds / base:>12.1f}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    return result


if __name__ == "__main__":
    main()
