"""Engine errors: classes with stable codes, so callers can count and publish them."""

from __future__ import annotations

from koers.errors import KoersError


class EngineError(KoersError):
    """Base class of this library's errors; `code` is stable."""

    code = "engine_error"
    title = "Engine error"


class SchemaError(EngineError):
    code = "schema_mismatch"
    title = "Input table does not match the engine contract"


class PeriodError(EngineError):
    code = "invalid_period"
    title = "Period code cannot be parsed"


class BreakdownError(EngineError):
    code = "invalid_breakdown"
    title = "Breakdown string or mapping is not canonical"


class RulesError(EngineError):
    code = "invalid_rules"
    title = "Indicator rules are inconsistent"


class FormulaError(RulesError):
    code = "invalid_formula"
    title = "Formula is not allowed"


class HierarchyError(EngineError):
    code = "invalid_hierarchy"
    title = "Area hierarchy is not a tree"


class LineageError(EngineError):
    code = "unknown_aggregate"
    title = "Aggregate key cannot be traced"


class StoreError(EngineError):
    code = "not_in_store"
    title = "Indicator has not been materialised"
