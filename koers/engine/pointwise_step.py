"""Pointwise indicators, evaluated on every aggregate key after aggregation:
ratios (numerator and denominator aggregated first, then divided) and formulas evaluated
after aggregation. Also formulas evaluated before aggregation, per observation key.
"""

from __future__ import annotations

from koers.engine.formula import to_sql
from koers.engine.rules import IndicatorRules
from koers.engine.sql import lit, lit_list, same_key

_OWN = """
    SELECT ah.hierarchy, o.indicator, o.area, o.period, o.breakdown, o.value_kind,
           o.v AS reported, o.reason AS own_reason
    FROM obs_all o LEFT JOIN area_hier ah ON ah.area = o.area
    WHERE o.indicator IN {codes}
"""


def ratio_wave_sql(codes: list[str], *, with_own: bool, into: str = "INSERT INTO b_rows") -> str:
    """All ratio indicators whose components are ready, in one statement (a pivot).

    `into` is the statement head: an INSERT, or a CREATE VIEW for ratios nothing else
    needs, which then stream straight into the output instead of being stored first.
    """
    wave = lit_list(codes)
    own_join = (
        f"""FULL JOIN ({_OWN.format(codes=wave)}) o
            ON nd.indicator = o.indicator AND {same_key("nd", "o")}"""
        if with_own
        else "LEFT JOIN (SELECT NULL::k_hierarchy AS hierarchy, NULL::k_indicator AS indicator, "
        "NULL::k_area AS area, NULL::k_period AS period, NULL::k_breakdown AS breakdown, "
        "NULL::k_value_kind AS value_kind, NULL::DOUBLE AS reported, "
        "NULL::VARCHAR AS own_reason) o ON false"
    )
    return f"""
    {into}
    WITH nd AS (
        SELECT d.code AS indicator, r.hierarchy, r.area, r.period, r.breakdown, r.value_kind,
               max(coalesce(r.computed, r.reported)) FILTER (WHERE d.role = 'num') AS nv,
               max(coalesce(r.computed, r.reported)) FILTER (WHERE d.role = 'den') AS dv,
               max(r.cov_count) FILTER (WHERE d.role = 'num') AS cov_count,
               max(r.cov_expected) FILTER (WHERE d.role = 'num') AS cov_expected,
               bool_or(r.partial) OR NOT bool_or(d.role = 'num')
                 OR NOT bool_or(d.role = 'den') AS partial
        FROM rows_all r JOIN ratio_parts d ON r.indicator = d.component
        WHERE d.code IN {wave}
        GROUP BY ALL
    )
    SELECT coalesce(nd.hierarchy, o.hierarchy) AS hierarchy,
           coalesce(nd.indicator, o.indicator) AS indicator,
           coalesce(nd.area, o.area) AS area, coalesce(nd.period, o.period) AS period,
           coalesce(nd.breakdown, o.breakdown) AS breakdown,
           coalesce(nd.value_kind, o.value_kind) AS value_kind,
           o.reported AS reported,
           CASE WHEN nd.dv <> 0 THEN nd.nv / nd.dv * d.scale END AS computed,
           coalesce(nd.cov_count, 0) AS cov_count, coalesce(nd.cov_expected, 0) AS cov_expected,
           1 AS n_parts, NULL::DOUBLE AS unalloc, coalesce(nd.partial, false) AS partial,
           CASE WHEN nd.indicator IS NULL THEN o.own_reason
                WHEN nd.nv IS NULL THEN 'missing numerator ' || d.numerator
                WHEN nd.dv IS NULL THEN 'missing denominator ' || d.denominator
                WHEN nd.dv = 0 THEN 'division by zero' END AS reason
    FROM nd {own_join}
    JOIN ratio_defs d ON d.code = coalesce(nd.indicator, o.indicator)
    """


def _pivot(names: tuple[str, ...], value: str) -> tuple[str, dict[str, str]]:
    columns = {name: f"c{i}" for i, name in enumerate(names)}
    selects = ", ".join(
        f"max({value}) FILTER (WHERE indicator = {lit(name)}) AS {col}"
        for name, col in columns.items()
    )
    return selects, columns


def formula_after_sql(rule: IndicatorRules) -> str:
    names = rule.parsed.names
    selects, columns = _pivot(names, "coalesce(computed, reported)")
    value, reason = to_sql(rule.parsed, {n: f"p.{c}" for n, c in columns.items()})
    return f"""
    INSERT INTO b_rows
    WITH p AS (
        SELECT hierarchy, area, period, breakdown, value_kind, {selects},
               min(cov_count) AS cov_count, max(cov_expected) AS cov_expected,
               bool_or(partial) OR count(*) < {len(names)} AS partial
        FROM rows_all WHERE indicator IN {lit_list(names)}
        GROUP BY ALL
    ),
    own AS ({_OWN.format(codes=lit_list([rule.code]))})
    SELECT coalesce(p.hierarchy, o.hierarchy), {lit(rule.code)}, coalesce(p.area, o.area),
           coalesce(p.period, o.period), coalesce(p.breakdown, o.breakdown),
           coalesce(p.value_kind, o.value_kind), o.reported,
           {value}, coalesce(p.cov_count, 0), coalesce(p.cov_expected, 0), 1, NULL,
           coalesce(p.partial, false),
           CASE WHEN p.area IS NULL THEN o.own_reason ELSE {reason} END
    FROM p FULL JOIN own o ON {same_key("p", "o")}
    """


def formula_before_sql(rule: IndicatorRules) -> str:
    """INSERT INTO derived_obs: the formula per observation key, before any aggregation."""
    names = rule.parsed.names
    selects, columns = _pivot(names, "v")
    value, reason = to_sql(rule.parsed, {n: f"p.{c}" for n, c in columns.items()})
    return f"""
    INSERT INTO derived_obs
    SELECT {lit(rule.code)}, p.area, p.period, p.breakdown, p.value_kind, {value}, {reason}
    FROM (
        SELECT area, period, breakdown, value_kind, {selects}
        FROM obs_all WHERE indicator IN {lit_list(names)}
        GROUP BY ALL
    ) p
    """
