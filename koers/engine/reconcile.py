"""Reconciliation: reported vs computed totals, and breakdown parts vs their `_T` total."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from koers.engine.breakdown import parent_breakdowns
from koers.engine.rules import IndicatorRules, rules_by_code, rules_table

RECONCILIATION_COLUMNS = (
    "indicator",
    "hierarchy",
    "area",
    "level",
    "period",
    "breakdown",
    "value_kind",
    "reported_value",
    "computed_value",
    "difference",
    "tolerance",
    "within_tolerance",
    "coverage_count",
    "coverage_expected",
    "lineage_id",
)


def reconciliation(aggregates: pa.Table, *, failures_only: bool = False) -> pa.Table:
    """Aggregates that have both a reported and a computed value, with their difference."""
    mask = pc.is_valid(aggregates.column("within_tolerance"))
    if failures_only:
        mask = pc.and_(mask, pc.invert(pc.fill_null(aggregates.column("within_tolerance"), True)))
    return aggregates.filter(mask).select(list(RECONCILIATION_COLUMNS))


def check_breakdowns(
    aggregates: pa.Table,
    rules: Iterable[IndicatorRules] | Mapping[str, IndicatorRules] | None = None,
) -> pa.Table:
    """Per key and dimension: do the parts (non-`_T` codes) add up to the total?

    One row per (indicator, hierarchy, area, period, value_kind, total breakdown, dimension)
    that has both a total and at least one part; `adds_up` is false where they do not,
    e.g. a sector that is missing. Only indicators that are summed over areas are checked
    when rules are given.
    """
    con = duckdb.connect()
    con.register(
        "agg",
        aggregates.select(
            [
                "indicator",
                "hierarchy",
                "area",
                "period",
                "value_kind",
                "breakdown",
                "value",
                "lineage_id",
            ]
        ),
    )
    breakdowns = pc.unique(aggregates.column("breakdown")).to_pylist()
    pairs = [(b, d, t) for b in breakdowns if b != "_T" for d, t in parent_breakdowns(b)]
    con.register(
        "bd",
        pa.table(
            {
                "breakdown": pa.array([p[0] for p in pairs], pa.string()),
                "dimension": pa.array([p[1] for p in pairs], pa.string()),
                "total": pa.array([p[2] for p in pairs], pa.string()),
            }
        ),
    )
    rule_map = rules_by_code(rules or [])
    con.register("rules_t", rules_table(rule_map.values()))
    where = "WHERE r.area_rule = 'sum'" if rule_map else ""
    tol = """CASE WHEN r.tolerance_abs IS NOT NULL OR r.tolerance_rel IS NOT NULL
                  THEN greatest(coalesce(r.tolerance_abs, 0),
                                coalesce(r.tolerance_rel, 0) * abs(t.value))
                  WHEN r.decimals IS NOT NULL THEN 0.5 * pow(10, -r.decimals) * (p.parts_count + 1)
                  ELSE 1e-9 * greatest(1, abs(t.value)) END"""
    sql = f"""
    WITH p AS (
        SELECT a.indicator, a.hierarchy, a.area, a.period, a.value_kind, bd.total, bd.dimension,
               sum(a.value) AS parts_sum, count(a.value) AS parts_count
        FROM agg a JOIN bd ON bd.breakdown = a.breakdown
        GROUP BY ALL
    )
    SELECT p.indicator, p.hierarchy, p.area, p.period, p.value_kind, p.total AS breakdown,
           p.dimension, t.value AS total_value, p.parts_sum, p.parts_count::INTEGER AS parts_count,
           p.parts_sum - t.value AS difference, {tol} AS tolerance,
           abs(p.parts_sum - t.value) <= {tol} + 1e-9 * greatest(1, abs(t.value)) AS adds_up,
           t.lineage_id
    FROM p
    JOIN agg t ON t.indicator = p.indicator AND t.hierarchy IS NOT DISTINCT FROM p.hierarchy
         AND t.area = p.area AND t.period = p.period AND t.value_kind = p.value_kind
         AND t.breakdown = p.total
    LEFT JOIN rules_t r ON r.code = p.indicator
    {where}
    ORDER BY p.indicator, p.area, p.period, p.total, p.dimension
    """
    try:
        return con.sql(sql).to_arrow_table()
    finally:
        con.close()
