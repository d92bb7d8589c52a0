"""Small SQL helpers shared by the pipeline steps."""

from __future__ import annotations

from collections.abc import Iterable

KEY = ("indicator", "area", "period", "breakdown", "value_kind")

# Columns every intermediate row carries (see pipeline.py for their meaning).
ROW_COLUMNS = (
    "hierarchy",
    "indicator",
    "area",
    "period",
    "breakdown",
    "value_kind",
    "reported",
    "computed",
    "cov_count",
    "cov_expected",
    "n_parts",
    "unalloc",
    "partial",
    "reason",
)

# Key columns use the run's ENUM types (keys.py).
ROW_TABLE_DDL = """
CREATE TEMP TABLE {name} (
  hierarchy k_hierarchy, indicator k_indicator, area k_area, period k_period,
  breakdown k_breakdown, value_kind k_value_kind, reported DOUBLE, computed DOUBLE,
  cov_count INTEGER, cov_expected INTEGER, n_parts INTEGER, unalloc DOUBLE, partial BOOLEAN,
  reason VARCHAR
)
"""

PERIOD_TYPE_SQL = """CASE WHEN starts_with({col}, 'FY') THEN 'financial_year'
  WHEN starts_with({col}, 'AY') THEN 'academic_year'
  WHEN starts_with({col}, 'SJ') THEN 'schadejaar'
  WHEN strpos({col}, '/') > 0 THEN 'window'
  WHEN length({col}) = 4 THEN 'year'
  WHEN substr({col}, 6, 1) = 'Q' THEN 'quarter'
  WHEN substr({col}, 6, 1) = 'H' THEN 'half_year'
  ELSE 'month' END"""


def lit(text: str | None) -> str:
    """A SQL string literal (or NULL)."""
    if text is None:
        return "NULL"
    return "'" + str(text).replace("'", "''") + "'"


def lit_list(items: Iterable[str]) -> str:
    values = [lit(i) for i in items]
    return "(" + ", ".join(values) + ")" if values else "(NULL)"


def same_key(a: str, b: str, *, hierarchy: bool = True) -> str:
    """Join condition on the row key; hierarchy may be NULL on both sides."""
    parts = [f"{a}.{c} = {b}.{c}" for c in ("area", "period", "breakdown", "value_kind")]
    if hierarchy:
        parts.insert(0, f"{a}.hierarchy IS NOT DISTINCT FROM {b}.hierarchy")
    return " AND ".join(parts)
