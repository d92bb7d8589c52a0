"""Completeness: expected deliveries (area x indicator x period) against what is present."""

from __future__ import annotations

from collections.abc import Iterable

import duckdb
import pyarrow as pa

from koers.engine.periods import expected_periods

__all__ = ["completeness", "completeness_summary", "expected_periods"]


def completeness(
    observations: pa.Table,
    *,
    areas: Iterable[str],
    indicators: Iterable[str],
    periods: Iterable[str],
    value_kind: str = "realisation",
    breakdown: str = "_T",
) -> pa.Table:
    """One row per expected (area, indicator, period): present, has_value, status, obs_id."""
    area_list, ind_list, per_list = list(areas), list(indicators), list(periods)
    expected = pa.table(
        {
            "area": [a for a in area_list for _ in ind_list for _ in per_list],
            "indicator": [i for _ in area_list for i in ind_list for _ in per_list],
            "period": [p for _ in area_list for _ in ind_list for p in per_list],
        }
    )
    con = duckdb.connect()
    con.register("expected", expected)
    con.register("obs_in", observations)
    try:
        return con.sql(
            """SELECT e.area, e.indicator, e.period,
                      o.obs_id IS NOT NULL AS present,
                      coalesce(o.value IS NOT NULL AND o.status <> 'missing', false) AS has_value,
                      o.status, o.obs_id, o.delivery_id
               FROM expected e
               LEFT JOIN obs_in o ON o.area = e.area AND o.indicator = e.indicator
                    AND o.period = e.period AND o.value_kind = $kind AND o.breakdown = $bd
               ORDER BY e.indicator, e.period, e.area""",
            params={"kind": value_kind, "bd": breakdown},
        ).to_arrow_table()
    finally:
        con.close()


def completeness_summary(report: pa.Table) -> pa.Table:
    """Per indicator and period: expected, present and with-value counts."""
    con = duckdb.connect()
    con.register("report", report)
    try:
        return con.sql(
            """SELECT indicator, period, count(*)::INTEGER AS expected,
                      count(*) FILTER (WHERE present)::INTEGER AS present,
                      count(*) FILTER (WHERE has_value)::INTEGER AS with_value,
                      list(area ORDER BY area) FILTER (WHERE NOT has_value) AS missing_areas
               FROM report GROUP BY ALL ORDER BY indicator, period"""
        ).to_arrow_table()
    finally:
        con.close()
