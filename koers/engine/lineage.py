"""Lineage: a stable id per aggregate, and trace() from an aggregate to its observations.

The id is readable: `indicator|value_kind|hierarchy|area|period|breakdown` (hierarchy may be
empty). trace() follows the same rules as the aggregation: a child contributes its reported
value when it has one, else what its own computed value was built from.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from koers.engine.areas import ACTIVE_LINKS_SQL, plan_hierarchies
from koers.engine.errors import LineageError, PeriodError
from koers.engine.periods import MONTHS, base_periods_in, parse_period
from koers.engine.rules import IndicatorRules, default_rules, dependency_order, rules_by_code
from koers.engine.schema import TRACE

FIELDS = ("indicator", "value_kind", "hierarchy", "area", "period", "breakdown")


@dataclass(frozen=True)
class AggregateKey:
    indicator: str
    area: str
    period: str
    breakdown: str = "_T"
    value_kind: str = "realisation"
    hierarchy: str | None = None

    @property
    def lineage_id(self) -> str:
        return lineage_id(**{f: getattr(self, f) for f in FIELDS})


def lineage_id(
    indicator: str, value_kind: str, hierarchy: str | None, area: str, period: str, breakdown: str
) -> str:
    return "|".join((indicator, value_kind, hierarchy or "", area, period, breakdown))


def lineage_sql(alias: str, *, hierarchy: str | None = None) -> str:
    """The same id as a DuckDB expression over a row alias (hierarchy: SQL override)."""
    own = hierarchy or f"coalesce({alias}.hierarchy, '')"
    parts = [own if f == "hierarchy" else f"{alias}.{f}" for f in FIELDS]
    return f"concat_ws('|', {', '.join(parts)})"


def with_lineage(table: pa.Table) -> pa.Table:
    """Append lineage_id computed from the key columns (the store keeps it implicit)."""
    cols = [
        pc.fill_null(table.column(f), "") if f == "hierarchy" else table.column(f) for f in FIELDS
    ]
    return table.append_column("lineage_id", pc.binary_join_element_wise(*cols, "|"))


def parse_lineage_id(text: str) -> AggregateKey:
    parts = text.split("|", len(FIELDS) - 1)
    if len(parts) != len(FIELDS) or not all(parts[i] for i in (0, 1, 3, 4, 5)):
        raise LineageError(f"not a lineage id: {text!r}", lineage_id=text)
    values = dict(zip(FIELDS, parts, strict=True))
    values["hierarchy"] = values["hierarchy"] or None
    return AggregateKey(**values)


def trace(
    key: str | AggregateKey | Mapping[str, str],
    observations: pa.Table,
    areas: pa.Table,
    links: pa.Table,
    rules: Iterable[IndicatorRules] | Mapping[str, IndicatorRules] | None = None,
) -> pa.Table:
    """The observations behind one aggregate (TRACE schema); web, API and CLI all call this."""
    if isinstance(key, str):
        key = parse_lineage_id(key)
    elif isinstance(key, Mapping):
        key = AggregateKey(**key)
    try:
        parse_period(key.period)
    except PeriodError as exc:
        raise LineageError(str(exc), lineage_id=key.lineage_id) from None
    given = rules_by_code(rules or [])
    order = dependency_order({**given}, [key.indicator])
    all_rules = {c: given.get(c) or default_rules(c) for c in order}
    return _Tracer(key, observations, areas, links, all_rules).run()


class _Tracer:
    def __init__(self, key: AggregateKey, observations, areas, links, rules) -> None:
        self.key, self.rules = key, rules
        mask = pc.and_(
            pc.is_in(observations.column("indicator"), pa.array(list(rules), pa.string())),
            pc.equal(observations.column("value_kind"), key.value_kind),
        )
        mask = pc.and_(
            mask, pc.is_in(observations.column("breakdown"), pa.array([key.breakdown, "_T"]))
        )
        self.obs = {
            (r["indicator"], r["area"], r["period"], r["breakdown"]): r
            for r in observations.filter(mask).to_pylist()
        }
        self.plan = plan_hierarchies(links)
        self.links, self.areas = links, areas
        self._children: dict[tuple[str, str], dict[str, list[tuple[str, str]]]] = {}

    def run(self) -> pa.Table:
        k = self.key
        rows: list[tuple[str, dict]] = [
            ("reported", r) for r in self.own(k.indicator, k.area, k.period)
        ]
        rows += self.computed(k.indicator, k.area, k.period, k.hierarchy, "computed")
        seen, out = set(), []
        for role, r in rows:
            if (role, r["obs_id"]) not in seen:
                seen.add((role, r["obs_id"]))
                out.append(
                    {"role": role, **{f.name: r.get(f.name) for f in TRACE if f.name != "role"}}
                )
        return pa.Table.from_pylist(out, schema=TRACE)

    def own(
        self, indicator: str, area: str, period: str, breakdown: str | None = None
    ) -> list[dict]:
        """Observations behind the reported value (components for `before` formulas)."""
        rule = self.rules[indicator]
        if rule.kind == "before":
            return [r for c in rule.components for r in self.own(c, area, period, breakdown)]
        row = self.obs.get((indicator, area, period, breakdown or self.key.breakdown))
        return [row] if row else []

    def usable(self, indicator: str, area: str, period: str) -> bool:
        rows = self.own(indicator, area, period)
        zero_ok = self.rules[indicator].zero_significant
        return bool(rows) and all(
            r["value"] is not None and r["status"] != "missing" and (zero_ok or r["value"] != 0)
            for r in rows
        )

    def value_parts(self, ind: str, area: str, period: str, hierarchy: str | None, role: str):
        """What a child contributes: its reported value if usable, else its computed parts."""
        if self.rules[ind].kind != "pointwise" and self.usable(ind, area, period):
            return [(role, r) for r in self.own(ind, area, period)]
        return self.computed(ind, area, period, hierarchy, role)

    def computed(self, ind: str, area: str, period: str, hierarchy: str | None, role: str):
        rule = self.rules[ind]
        if rule.kind == "pointwise":
            out = []
            for comp in rule.components:
                parts = self.computed(comp, area, period, hierarchy, "component")
                out += parts or [("component", r) for r in self.own(comp, area, period)]
            return out
        p = parse_period(period)
        if p.months > MONTHS.get(rule.periodicity, p.months):
            if rule.time_rule == "none":
                return []
            subs = base_periods_in(period, rule.periodicity)
            if rule.time_rule == "last":
                subs = subs[-1:]
            return [x for s in subs for x in self.value_parts(ind, area, s, hierarchy, role)]
        if hierarchy is None or rule.area_rule not in ("sum", "weighted_mean"):
            return []
        if area not in self.plan.parents(hierarchy):
            return []
        out = []
        for child, child_h in self.children(hierarchy, period).get(area, []):
            out += self.value_parts(ind, child, period, child_h, role)
            if rule.area_rule == "weighted_mean":
                out += self.value_parts(rule.weight, child, period, child_h, "weight")
        return out

    def children(self, hierarchy: str, period: str) -> dict[str, list[tuple[str, str | None]]]:
        """Active children per parent on the period's end date (same SQL as the aggregation)."""
        if (hierarchy, period) not in self._children:
            con = duckdb.connect()
            con.register("links_in", self.links)
            con.register("areas_in", self.areas)
            con.register(
                "one_period",
                pa.table(
                    {
                        "period": [period],
                        "end_date": pa.array([parse_period(period).end], pa.date32()),
                    }
                ),
            )
            sql = (
                f"SELECT child, parent FROM ({ACTIVE_LINKS_SQL.format(periods='one_period')}) "
                f"WHERE hierarchy = $h ORDER BY child"
            )
            parents = self.plan.parents(hierarchy)
            found: dict[str, list[tuple[str, str | None]]] = {}
            for child, parent in con.sql(sql, params={"h": hierarchy}).fetchall():
                found.setdefault(parent, []).append(
                    (child, hierarchy if child in parents else None)
                )
            con.close()
            self._children[(hierarchy, period)] = found
        return self._children[(hierarchy, period)]
