"""Aggregation rules per indicator and the dependency order between indicators."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pyarrow as pa

from koers.engine.errors import RulesError
from koers.engine.formula import Formula, parse_formula
from koers.engine.periods import PERIODICITIES, SHIFTED_YEARS

AREA_RULES = ("sum", "ratio", "weighted_mean", "none")
TIME_RULES = ("sum", "last", "mean", "none")


@dataclass(frozen=True)
class IndicatorRules:
    """How one indicator adds up over areas and time; see architecture.md "Data semantics"."""

    code: str
    area_rule: str = "sum"
    time_rule: str = "sum"
    periodicity: str = "year"
    numerator: str | None = None
    denominator: str | None = None
    weight: str | None = None
    scale: float = 1
    formula: str | None = None
    formula_stage: str = "after"
    zero_significant: bool = True
    decimals: int | None = None
    tolerance_abs: float | None = None
    tolerance_rel: float | None = None
    parsed: Formula | None = field(default=None, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        def fail(msg: str) -> None:
            raise RulesError(f"{self.code}: {msg}", indicator=self.code)

        if not self.code or "|" in self.code or self.code.startswith("."):
            fail("indicator code must be non-empty, without '|' and not start with '.'")
        if self.area_rule not in AREA_RULES:
            fail(f"area_rule must be one of {AREA_RULES}")
        if self.time_rule not in TIME_RULES:
            fail(f"time_rule must be one of {TIME_RULES}")
        if self.periodicity not in (*PERIODICITIES, *SHIFTED_YEARS):
            fail(f"periodicity must be one of {(*PERIODICITIES, *SHIFTED_YEARS)}")
        if self.formula_stage not in ("after", "before"):
            fail("formula_stage must be 'after' or 'before'")
        if self.area_rule == "ratio" and not (self.numerator and self.denominator):
            fail("a ratio needs numerator and denominator")
        if self.area_rule == "weighted_mean" and not self.weight:
            fail("a weighted_mean needs a weight indicator")
        if self.formula is not None:
            if self.area_rule in ("ratio", "weighted_mean") and self.formula_stage == "after":
                fail(
                    "a formula evaluated after aggregation cannot also be a ratio or weighted mean"
                )
            object.__setattr__(self, "parsed", parse_formula(self.formula))
            if self.code in self.parsed.names:
                fail("formula refers to itself")

    @property
    def kind(self) -> str:
        """before (formula per observation), pointwise (ratio / formula after), or base."""
        if self.formula is not None:
            return "before" if self.formula_stage == "before" else "pointwise"
        return "pointwise" if self.area_rule == "ratio" else "base"

    @property
    def components(self) -> tuple[str, ...]:
        """Indicators this one is computed from."""
        if self.parsed is not None:
            return self.parsed.names
        if self.area_rule == "ratio":
            return (self.numerator, self.denominator)
        if self.area_rule == "weighted_mean":
            return (self.weight,)
        return ()


def rules_by_code(
    rules: Iterable[IndicatorRules] | Mapping[str, IndicatorRules],
) -> dict[str, IndicatorRules]:
    items = rules.values() if isinstance(rules, Mapping) else rules
    out: dict[str, IndicatorRules] = {}
    for r in items:
        if r.code in out:
            raise RulesError(f"{r.code}: rules given twice", indicator=r.code)
        out[r.code] = r
    return out


def default_rules(code: str) -> IndicatorRules:
    """Indicators without rules are never added up: only reported values are shown."""
    return IndicatorRules(code, area_rule="none", time_rule="none")


def dependency_order(rules: Mapping[str, IndicatorRules], codes: Iterable[str]) -> list[str]:
    """`codes` plus everything they need, dependencies first; raises RulesError on a cycle."""
    order: list[str] = []
    state: dict[str, int] = {}

    def visit(code: str, path: tuple[str, ...]) -> None:
        if state.get(code) == 2:
            return
        if state.get(code) == 1:
            raise RulesError(
                f"cycle in indicator rules: {' -> '.join(path + (code,))}", indicator=code
            )
        state[code] = 1
        rule = rules.get(code)
        for dep in rule.components if rule else ():
            visit(dep, path + (code,))
        state[code] = 2
        order.append(code)

    for code in sorted(codes):
        visit(code, ())
    return order


def dependents(rules: Mapping[str, IndicatorRules], codes: Iterable[str]) -> set[str]:
    """`codes` plus every indicator computed (transitively) from them."""
    out = set(codes)
    changed = True
    while changed:
        changed = False
        for rule in rules.values():
            if rule.code not in out and out.intersection(rule.components):
                out.add(rule.code)
                changed = True
    return out


def rules_table(rules: Iterable[IndicatorRules]) -> pa.Table:
    """One row per indicator, for joins inside DuckDB."""
    rows = list(rules)
    return pa.table(
        {
            "code": pa.array([r.code for r in rows], pa.string()),
            "area_rule": pa.array([r.area_rule for r in rows], pa.string()),
            "time_rule": pa.array([r.time_rule for r in rows], pa.string()),
            "periodicity": pa.array([r.periodicity for r in rows], pa.string()),
            "kind": pa.array([r.kind for r in rows], pa.string()),
            "decimals": pa.array([r.decimals for r in rows], pa.int32()),
            "tolerance_abs": pa.array([r.tolerance_abs for r in rows], pa.float64()),
            "tolerance_rel": pa.array([r.tolerance_rel for r in rows], pa.float64()),
        }
    )
