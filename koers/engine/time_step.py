"""Aggregation over time: month -> quarter -> half-year -> year -> multi-year windows.

Each step is one GROUP BY over the step below, carrying running sums, counts and the
value of the last sub-period, so `sum`, `mean` and `last` stay exact however deep.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyarrow as pa

from koers.engine.periods import (
    MONTHS,
    PERIODICITIES,
    next_level,
    parse_period,
    period_for,
    window_code,
)

LADDER = ("month", "quarter", "half_year", "year", "window")


def period_frames(
    base_periods: Iterable[str], windows: Iterable[tuple[int, int]]
) -> tuple[pa.Table, pa.Table]:
    """(pmap: sub -> target with is_last, target_info: expected count and last base period)."""
    levels: dict[str, set[str]] = {t: set() for t in LADDER}
    for code in base_periods:
        kind = parse_period(code).type
        if kind in levels:  # shifted years (financial, academic, schadejaar) never roll up
            levels[kind].add(code)
    subs, targets, lasts = [], [], []
    for kind in ("month", "quarter", "half_year"):
        for code in sorted(levels[kind]):
            up = next_level(code)
            levels[LADDER[LADDER.index(kind) + 1]].add(up)
            p, u = parse_period(code), parse_period(up)
            subs.append(code)
            targets.append(up)
            lasts.append(p.end == u.end)
    for first, last in sorted(set(windows)):
        code = window_code(first, last)
        levels["window"].add(code)
        for year in range(first, last + 1):
            subs.append(str(year))
            targets.append(code)
            lasts.append(year == last)
    pmap = pa.table(
        {
            "sub": pa.array(subs, pa.string()),
            "target": pa.array(targets, pa.string()),
            "is_last": pa.array(lasts, pa.bool_()),
        }
    )

    info_rows = []
    for kind in ("quarter", "half_year", "year", "window"):
        for code in levels[kind]:
            p = parse_period(code)
            for periodicity in PERIODICITIES:
                if MONTHS[periodicity] < p.months:
                    end = p.end
                    info_rows.append(
                        (
                            code,
                            periodicity,
                            p.months // MONTHS[periodicity],
                            period_for(periodicity, end.year, end.month),
                        )
                    )
    info = pa.table(
        {
            "period": pa.array([r[0] for r in info_rows], pa.string()),
            "periodicity": pa.array([r[1] for r in info_rows], pa.string()),
            "expected": pa.array([r[2] for r in info_rows], pa.int32()),
            "last_base": pa.array([r[3] for r in info_rows], pa.string()),
        }
    )
    return pmap, info


def run_time_steps(con, *, periodicities: set[str], has_windows: bool) -> None:
    """Build t_all (accumulators per aggregated period) from the view t_base."""
    con.execute(
        """CREATE TEMP TABLE t_all (hierarchy k_hierarchy, indicator k_indicator, area k_area,
        period k_period, breakdown k_breakdown, value_kind k_value_kind, sum_v DOUBLE, n_v INTEGER,
        last_v DOUBLE, sum_u DOUBLE, last_u DOUBLE, partial BOOLEAN, level VARCHAR)"""
    )
    for kind in ("month", "quarter", "half_year", "year"):
        if kind == "year" and not has_windows:
            break
        up = LADDER[LADDER.index(kind) + 1]
        base = (
            f"""SELECT hierarchy, indicator, area, period, breakdown, value_kind,
                       value AS sum_v, (value IS NOT NULL)::INTEGER AS n_v, value AS last_v,
                       unalloc AS sum_u, unalloc AS last_u, partial
                FROM t_base WHERE periodicity = '{kind}'
                UNION ALL"""
            if kind in periodicities
            else ""
        )
        con.execute(
            f"""
            INSERT INTO t_all
            SELECT r.hierarchy, r.indicator, r.area, m.target, r.breakdown, r.value_kind,
                   sum(r.sum_v), sum(r.n_v), max(r.last_v) FILTER (WHERE m.is_last),
                   sum(r.sum_u), max(r.last_u) FILTER (WHERE m.is_last), bool_or(r.partial), '{up}'
            FROM (
                {base}
                SELECT hierarchy, indicator, area, period, breakdown, value_kind,
                       sum_v, n_v, last_v, sum_u, last_u, partial
                FROM t_all WHERE level = '{kind}'
            ) r
            JOIN pmap m ON m.sub = r.period
            GROUP BY ALL
            """
        )


TIME_ROWS_SQL = """
SELECT t.hierarchy, t.indicator, t.area, t.period, t.breakdown, t.value_kind,
       NULL::DOUBLE AS reported,
       CASE r.time_rule WHEN 'sum' THEN t.sum_v WHEN 'mean' THEN t.sum_v / nullif(t.n_v, 0)
            WHEN 'last' THEN t.last_v END AS computed,
       t.n_v AS cov_count, ti.expected AS cov_expected,
       CASE WHEN r.time_rule = 'sum' THEN t.n_v ELSE 1 END AS n_parts,
       CASE r.time_rule WHEN 'sum' THEN t.sum_u WHEN 'last' THEN t.last_u END AS unalloc,
       t.n_v < ti.expected OR t.partial AS partial,
       CASE WHEN r.time_rule = 'last' AND t.last_v IS NULL
              THEN 'value for last period ' || ti.last_base || ' missing'
            WHEN t.n_v = 0 THEN 'no values in period' END AS reason
FROM t_all t
JOIN rules_t r ON r.code = t.indicator
JOIN target_info ti ON ti.period = t.period AND ti.periodicity = r.periodicity
"""
