"""Benchmark the aggregation engine against a raw DuckDB GROUP BY of the same data.

    python benchmarks/engine_refresh.py [--rows N]      (default 10,000,000)

Synthetic data: 360 leaf areas -> 12 provinces -> NL01, 120 months, 200 indicators with
mixed rules (flows: sum, stocks: last, rates: mean, and ratios of two others). Measures,
in one run: a raw DuckDB GROUPING SETS query to the same levels (leaf, province, national
x month, quarter, half-year, year), the engine computing the same, a full refresh into the
Parquet store, an incremental refresh of one indicator, and dashboard queries from the
store. As a reference (not the goal's baseline), the raw query also runs with its key
columns cast to ENUM types first, as the engine does. Prints a table and writes
var/bench/engine.json.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from koers.engine import AnalyticsStore, IndicatorRules, query, refresh  # noqa: E402
from koers.engine.pipeline import Aggregation  # noqa: E402
from koers.engine.schema import AREA_LINKS, AREAS, OBSERVATIONS  # noqa: E402

LEAVES, PROVINCES, MONTHS = 360, 12, 120
TIME_RULES = ("sum", "last", "mean")


def generate(rows: int, indicators: int = 200, seed: int = 7):
    """Observations, areas, links and rules; about a quarter of the indicators are ratios."""
    per_series = LEAVES * MONTHS
    n_ratio = indicators // 4
    observed = indicators - n_ratio
    series_needed = math.ceil(rows / per_series)
    series = [(i, "_T") for i in range(min(observed, series_needed))]
    extra = 1
    while len(series) < series_needed:
        for i in range(observed):
            if len(series) == series_needed:
                break
            series.append((i, f"Sector=S{extra}"))
        extra += 1
    codes = [f"I{i:03d}" for i in range(indicators)]
    used = sorted({i for i, _ in series})
    rules = [
        IndicatorRules(codes[i], time_rule=TIME_RULES[i % 3], periodicity="month", decimals=2)
        for i in used
    ]
    # one ratio per three observed indicators (50 at 10M rows), each pair used once
    for r in range(min(n_ratio, len(used) // 3)):
        num, den = used[(2 * r) % len(used)], used[(2 * r + 1) % len(used)]
        rules.append(
            IndicatorRules(
                codes[observed + r],
                area_rule="ratio",
                numerator=codes[num],
                denominator=codes[den],
                scale=100,
                decimals=1,
            )
        )

    idx = np.arange(rows, dtype=np.int64)
    s, rem = idx // per_series, idx % per_series
    leaf, month = rem // MONTHS, rem % MONTHS
    leaf_codes = pa.array([f"L{n:03d}" for n in range(LEAVES)])
    month_codes = pa.array([f"{2015 + m // 12}-{m % 12 + 1:02d}" for m in range(MONTHS)])
    rng = np.random.default_rng(seed)
    obs = pa.table(
        {
            "obs_id": pa.array(idx + 1),
            "indicator": pa.array([codes[i] for i, _ in series]).take(pa.array(s)),
            "area": leaf_codes.take(pa.array(leaf)),
            "period": month_codes.take(pa.array(month)),
            "breakdown": pa.array([b for _, b in series]).take(pa.array(s)),
            "value_kind": pa.array(["realisation"]).take(pa.array(np.zeros(rows, np.int64))),
            "value": pa.array(rng.random(rows) * 100 + 1),
            "status": pa.array(["normal"]).take(pa.array(np.zeros(rows, np.int64))),
            "version": pa.array(np.ones(rows, np.int32)),
            "delivery_id": pa.array(s + 1),
            "source_file": pa.array(["bench.csv"]).take(pa.array(np.zeros(rows, np.int64))),
            "source_row": pa.array(idx + 2),
        },
        schema=OBSERVATIONS,
    )
    provinces = [f"PV{20 + p}" for p in range(PROVINCES)]
    areas = pa.Table.from_pylist(
        [{"code": "NL01", "type": "land"}]
        + [{"code": p, "type": "provincie"} for p in provinces]
        + [{"code": f"L{n:03d}", "type": "gebied"} for n in range(LEAVES)],
        schema=AREAS,
    )
    links = pa.Table.from_pylist(
        [{"child": p, "parent": "NL01", "hierarchy": "bestuurlijk"} for p in provinces]
        + [
            {"child": f"L{n:03d}", "parent": provinces[n % PROVINCES], "hierarchy": "bestuurlijk"}
            for n in range(LEAVES)
        ],
        schema=AREA_LINKS,
    )
    return obs, areas, links, rules


RAW_SQL = """
SELECT o.indicator, o.breakdown, o.value_kind,
       coalesce(o.area, m.province, m.nation) AS area,
       coalesce(o.period, t.quarter, t.half, t.year) AS period,
       sum(o.value) AS value, count(o.value) AS n
FROM obs_in o JOIN leafmap m ON m.leaf = o.area JOIN timemap t ON t.month = o.period
GROUP BY GROUPING SETS (
  (o.indicator, o.breakdown, o.value_kind, o.area, o.period),
  (o.indicator, o.breakdown, o.value_kind, o.area, t.quarter),
  (o.indicator, o.breakdown, o.value_kind, o.area, t.half),
  (o.indicator, o.breakdown, o.value_kind, o.area, t.year),
  (o.indicator, o.breakdown, o.value_kind, m.province, o.period),
  (o.indicator, o.breakdown, o.value_kind, m.province, t.quarter),
  (o.indicator, o.breakdown, o.value_kind, m.province, t.half),
  (o.indicator, o.breakdown, o.value_kind, m.province, t.year),
  (o.indicator, o.breakdown, o.value_kind, m.nation, o.period),
  (o.indicator, o.breakdown, o.value_kind, m.nation, t.quarter),
  (o.indicator, o.breakdown, o.value_kind, m.nation, t.half),
  (o.indicator, o.breakdown, o.value_kind, m.nation, t.year)
)
"""


ENUM_INPUT = """
CREATE TEMP TABLE obs_enum AS
SELECT indicator::e_indicator AS indicator, area::e_area AS area, period::e_period AS period,
       breakdown::e_breakdown AS breakdown, value_kind::e_kind AS value_kind, value
FROM obs_arrow
"""


def raw_connection(obs: pa.Table, *, enums: bool = False) -> duckdb.DuckDBPyConnection:
    """The raw query's inputs; with `enums`, the key columns typed as the engine types them."""
    con = duckdb.connect()
    con.execute("SET preserve_insertion_order = false")
    con.register("obs_arrow" if enums else "obs_in", obs)
    con.register(
        "leafmap",
        pa.table(
            {
                "leaf": [f"L{n:03d}" for n in range(LEAVES)],
                "province": [f"PV{20 + n % PROVINCES}" for n in range(LEAVES)],
                "nation": ["NL01"] * LEAVES,
            }
        ),
    )
    months = [(2015 + m // 12, m % 12 + 1) for m in range(MONTHS)]
    con.register(
        "timemap",
        pa.table(
            {
                "month": [f"{y}-{mo:02d}" for y, mo in months],
                "quarter": [f"{y}-Q{(mo - 1) // 3 + 1}" for y, mo in months],
                "half": [f"{y}-H{(mo - 1) // 6 + 1}" for y, mo in months],
                "year": [str(y) for y, _ in months],
            }
        ),
    )
    if enums:
        for column, name in (
            ("indicator", "e_indicator"),
            ("breakdown", "e_breakdown"),
            ("value_kind", "e_kind"),
        ):
            con.execute(f"CREATE TYPE {name} AS ENUM (SELECT DISTINCT {column} FROM obs_arrow)")
        con.execute(
            "CREATE TYPE e_area AS ENUM (SELECT leaf FROM leafmap UNION SELECT province "
            "FROM leafmap UNION SELECT nation FROM leafmap)"
        )
        con.execute(
            "CREATE TYPE e_period AS ENUM (SELECT month FROM timemap UNION SELECT quarter "
            "FROM timemap UNION SELECT half FROM timemap UNION SELECT year FROM timemap)"
        )
        for table, columns in (
            ("leafmap", "leaf::e_area AS leaf, province::e_area AS province, "
             "nation::e_area AS nation"),
            ("timemap", "month::e_period AS month, quarter::e_period AS quarter, "
             "half::e_period AS half, year::e_period AS year"),
        ):  # fmt: skip
            con.execute(f"CREATE TEMP TABLE {table}_e AS SELECT {columns} FROM {table}")
            con.unregister(table)
            con.execute(f"CREATE TEMP VIEW {table} AS SELECT * FROM {table}_e")
    return con


def timed(fn):
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def timed_cpu(fn) -> tuple[dict, object]:
    """Wall and CPU seconds (all threads); CPU time is robust when the machine is shared."""
    cpu, wall = time.process_time(), time.perf_counter()
    result = fn()
    return {"seconds": time.perf_counter() - wall, "cpu_seconds": time.process_time() - cpu}, result


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def run_phase(phase: str, rows: int, workdir: Path, queries: int) -> dict:
    """One measurement in this (fresh) process; data is regenerated from the same seed."""
    obs, areas, links, rules = generate(rows)
    store = AnalyticsStore(workdir / "store")
    one = rules[0].code
    if phase == "raw":
        con = raw_connection(obs)
        t, _ = timed_cpu(lambda: con.execute(f"CREATE TABLE raw AS {RAW_SQL}"))
        return {**t, "rows": con.execute("SELECT count(*) FROM raw").fetchone()[0]}
    if phase == "raw_enum_write":
        con = raw_connection(obs, enums=True)
        target = workdir / "raw_enum"

        def cast_and_write():
            con.execute(ENUM_INPUT)
            con.execute("CREATE TEMP VIEW obs_in AS SELECT * FROM obs_enum")
            con.execute(
                f"COPY ({RAW_SQL}) TO '{target}' "
                "(FORMAT parquet, PARTITION_BY (indicator), COMPRESSION zstd)"
            )

        t, _ = timed_cpu(cast_and_write)
        return {**t, "bytes": folder_size(target)}
    if phase == "raw_write":
        con = raw_connection(obs)
        target = workdir / "raw"
        t, _ = timed_cpu(
            lambda: con.execute(
                f"COPY ({RAW_SQL}) TO '{target}' "
                "(FORMAT parquet, PARTITION_BY (indicator), COMPRESSION zstd)"
            )
        )
        return {**t, "bytes": folder_size(target)}
    if phase == "engine":

        def compute():
            run = Aggregation(obs, areas, links, rules)
            run.con.execute(f"CREATE TABLE agg AS {run.stored_sql()}")
            n = run.con.execute("SELECT count(*) FROM agg").fetchone()[0]
            run.close()
            return n

        t, n = timed_cpu(compute)
        return {**t, "rows": n}
    if phase == "refresh":
        t, report = timed_cpu(lambda: refresh(obs, areas, links, rules, store))
        return {
            **t,
            "rows": report.rows,
            "bytes": folder_size(store.root),
            "indicators": len(report.indicators),
        }
    if phase == "incremental":
        t, report = timed_cpu(lambda: refresh(obs, areas, links, rules, store, indicators=[one]))
        return {**t, "indicators": list(report.indicators)}
    if phase == "query":
        cold, _ = timed(lambda: query(store, one, level="provincie"))
        times = []
        for _ in range(queries):
            t, result = timed(lambda: query(store, one, level="provincie"))
            times.append(t * 1000)
        times.sort()
        return {
            "cold_ms": cold * 1000,
            "p50_ms": statistics.median(times),
            "p95_ms": times[int(0.95 * (len(times) - 1))],
            "rows": result.num_rows,
        }
    raise SystemExit(f"unknown phase {phase}")


def in_subprocess(phase: str, rows: int, workdir: Path, queries: int) -> dict:
    """Run a phase in a fresh interpreter so no phase inherits another's memory state."""
    out = subprocess.run(
        [
            sys.executable,
            __file__,
            "--phase",
            phase,
            "--rows",
            str(rows),
            "--workdir",
            str(workdir),
            "--queries",
            str(queries),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--out", type=Path, default=ROOT / "var" / "bench" / "engine.json")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.phase:
        print(json.dumps(run_phase(args.phase, args.rows, args.workdir, args.queries)))
        return {}

    _, (obs, _, _, rules) = timed(lambda: generate(args.rows))
    n_obs, n_ind = obs.num_rows, len(rules)
    del obs
    print(f"{n_obs:,} observations, {n_ind} indicators; each phase in a fresh process")
    load_before = os.getloadavg()[0]
    results = {}
    with tempfile.TemporaryDirectory(
        dir=args.out.parent if args.out.parent.exists() else None
    ) as tmp:
        phases = ("raw", "raw_write", "raw_enum_write", "engine", "refresh", "incremental", "query")
        for phase in phases:
            results[phase] = in_subprocess(phase, args.rows, Path(tmp), args.queries)
            print(f"  {phase:<12} {json.dumps(results[phase])}")
    raw, raw_w, eng, full = (results[k] for k in ("raw", "raw_write", "engine", "refresh"))
    raw_e = results["raw_enum_write"]
    incr, q = results["incremental"], results["query"]

    def r3(x: float) -> float:
        return round(x, 3)

    def timing(phase: dict, *extra: str) -> dict:
        return {
            "wall_s": r3(phase["seconds"]),
            "cpu_s": r3(phase["cpu_seconds"]),
            **{k: phase[k] for k in extra},
        }

    def ratio(phase: dict, baseline: dict) -> dict:
        return {
            "wall": round(phase["seconds"] / baseline["seconds"], 2),
            "cpu": round(phase["cpu_seconds"] / baseline["cpu_seconds"], 2),
        }

    figures = {
        "rows": n_obs,
        "indicators": n_ind,
        "machine": {
            "cpus": os.cpu_count(),
            "load_average_before_after": [load_before, os.getloadavg()[0]],
            "python": platform.python_version(),
            "duckdb": duckdb.__version__,
            "pyarrow": pa.__version__,
        },
        "raw_groupby": timing(raw, "rows"),
        "raw_groupby_write": timing(raw_w, "bytes"),
        "raw_groupby_enum_write": timing(raw_e, "bytes"),
        "engine_compute": timing(eng, "rows"),
        "full_refresh": timing(full, "rows", "bytes"),
        "ratios": {
            "engine_compute_to_raw_groupby": ratio(eng, raw),
            "full_refresh_to_raw_groupby_write": ratio(full, raw_w),
            "full_refresh_to_raw_groupby_enum_write": ratio(full, raw_e),
        },
        "incremental_refresh": timing(incr, "indicators"),
        "query_ms": {
            "cold": round(q["cold_ms"], 2),
            "p50": r3(q["p50_ms"]),
            "p95": r3(q["p95_ms"]),
            "rows": q["rows"],
        },
        "goals": {"full_refresh_ratio": 1.5, "incremental_s": 1.0, "query_p95_ms": 10.0},
    }
    print_table(figures)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(figures, indent=2) + "\n")
    print(f"written to {args.out}")
    return figures


def print_table(f: dict) -> None:
    ratios = f["ratios"]
    lines = [
        (
            "raw DuckDB GROUPING SETS -> table",
            f["raw_groupby"],
            f"{f['raw_groupby']['rows']:,} rows",
        ),
        (
            "raw GROUPING SETS -> Parquet",
            f["raw_groupby_write"],
            f"{f['raw_groupby_write']['bytes'] / 1e6:.0f} MB",
        ),
        (
            "raw, keys cast to ENUM -> Parquet",
            f["raw_groupby_enum_write"],
            f"{f['raw_groupby_enum_write']['bytes'] / 1e6:.0f} MB (reference, not the goal)",
        ),
        (
            "engine compute -> table",
            f["engine_compute"],
            "x{wall} wall, x{cpu} cpu of raw".format(**ratios["engine_compute_to_raw_groupby"]),
        ),
        (
            "engine full refresh -> store",
            f["full_refresh"],
            "x{wall} wall, x{cpu} cpu of raw+Parquet (goal 1.5); ".format(
                **ratios["full_refresh_to_raw_groupby_write"]
            )
            + "x{wall} wall of raw ENUM+Parquet".format(
                **ratios["full_refresh_to_raw_groupby_enum_write"]
            ),
        ),
        (
            "incremental refresh, 1 indicator",
            f["incremental_refresh"],
            f"{len(f['incremental_refresh']['indicators'])} files (goal < 1 s)",
        ),
    ]
    print(
        f"engine benchmark: {f['rows']:,} observations, {f['indicators']} indicators, "
        f"load average {f['machine']['load_average_before_after']}"
    )
    print(f"  {'':<34} {'wall s':>8} {'cpu s':>8}")
    for label, t, note in lines:
        print(f"  {label:<34} {t['wall_s']:>8.2f} {t['cpu_s']:>8.2f}  {note}")
    qm = f["query_ms"]
    print(
        f"  {'dashboard query (ms)':<34} p50 {qm['p50']:.2f}, p95 {qm['p95']:.2f}, "
        f"cold {qm['cold']:.1f}; {qm['rows']} rows (goal p95 < 10 ms)"
    )


if __name__ == "__main__":
    main()
