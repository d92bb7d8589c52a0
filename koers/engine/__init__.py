"""Koers aggregation engine: a plain library (no Django) over DuckDB and Arrow.

Aggregation over areas and time, derived indicators, reconciliation, coverage, lineage,
the materialised Parquet store, completeness and progress towards targets.
"""

from koers.engine.breakdown import TOTAL, canonical_breakdown, parse_breakdown
from koers.engine.completeness import completeness, completeness_summary
from koers.engine.errors import (
    BreakdownError,
    EngineError,
    FormulaError,
    HierarchyError,
    LineageError,
    PeriodError,
    RulesError,
    SchemaError,
    StoreError,
)
from koers.engine.formula import parse_formula
from koers.engine.lineage import AggregateKey, lineage_id, parse_lineage_id, trace
from koers.engine.periods import (
    cbs_period,
    expected_periods,
    parse_period,
    period_label,
    shifted_year_code,
    window_code,
)
from koers.engine.pipeline import aggregate
from koers.engine.progress import Forecast, Progress, forecast, measure
from koers.engine.reconcile import check_breakdowns, reconciliation
from koers.engine.rules import IndicatorRules
from koers.engine.schema import AGGREGATES, AREA_LINKS, AREAS, OBSERVATIONS, TRACE
from koers.engine.store import AnalyticsStore, RefreshReport, query, refresh

__all__ = [
    "AGGREGATES",
    "AREAS",
    "AREA_LINKS",
    "OBSERVATIONS",
    "TRACE",
    "TOTAL",
    "AggregateKey",
    "AnalyticsStore",
    "BreakdownError",
    "EngineError",
    "Forecast",
    "FormulaError",
    "HierarchyError",
    "IndicatorRules",
    "LineageError",
    "PeriodError",
    "Progress",
    "RefreshReport",
    "RulesError",
    "SchemaError",
    "StoreError",
    "aggregate",
    "canonical_breakdown",
    "cbs_period",
    "check_breakdowns",
    "completeness",
    "completeness_summary",
    "expected_periods",
    "forecast",
    "lineage_id",
    "measure",
    "parse_breakdown",
    "parse_formula",
    "parse_lineage_id",
    "parse_period",
    "period_label",
    "query",
    "reconciliation",
    "refresh",
    "shifted_year_code",
    "trace",
    "window_code",
]
