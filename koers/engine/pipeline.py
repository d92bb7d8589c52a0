"""The aggregation run: observations in, AGGREGATES out, as a handful of DuckDB statements.

Order of work (architecture.md, "Data semantics"):
  1. formulas marked `before` are evaluated per observation key;
  2. per hierarchy, bottom-up per height, parents get values from their children (area_step);
  3. every area's base-period values are rolled up over time (time_step);
  4. ratios and `after` formulas are evaluated on every resulting key (pointwise_step);
  5. one final SELECT gives the STORED columns with the tolerance (stored_sql); the rest of
     AGGREGATES is derived from those when rows are read (aggregates.complete).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from koers.engine import keys
from koers.engine.aggregates import STORED, complete, levels_of
from koers.engine.area_step import area_step_sql
from koers.engine.areas import ACTIVE_LINKS_SQL, plan_hierarchies
from koers.engine.errors import RulesError
from koers.engine.periods import parse_period
from koers.engine.pointwise_step import formula_after_sql, formula_before_sql, ratio_wave_sql
from koers.engine.rules import (
    IndicatorRules,
    default_rules,
    dependency_order,
    rules_by_code,
    rules_table,
)
from koers.engine.schema import AREA_LINKS, AREAS, OBSERVATIONS, require_columns
from koers.engine.sql import PERIOD_TYPE_SQL, ROW_COLUMNS, ROW_TABLE_DDL, lit_list, same_key
from koers.engine.time_step import TIME_ROWS_SQL, period_frames, run_time_steps

Progress = Callable[[str, int, int], None]

_STEPS = ("prepare", "derive", "areas", "time", "pointwise")


class Aggregation:
    """One aggregation run inside its own DuckDB connection; read `stored_sql` or `to_arrow()`."""

    def __init__(
        self,
        observations: pa.Table,
        areas: pa.Table,
        links: pa.Table,
        rules: Iterable[IndicatorRules] | Mapping[str, IndicatorRules],
        *,
        indicators: Iterable[str] | None = None,
        windows: Sequence[tuple[int, int]] = (),
        progress: Progress | None = None,
    ) -> None:
        require_columns(observations, OBSERVATIONS, "observations")
        require_columns(areas, AREAS, "areas")
        require_columns(links, AREA_LINKS, "area_links")
        self.progress = progress or (lambda step, done, total: None)
        self.windows = tuple(windows)
        for first, last in self.windows:
            parse_period(f"{first}/{last}")
        given = rules_by_code(rules)
        if indicators is None:
            present = pc.unique(observations.column("indicator")).to_pylist()
            known = {code: given.get(code) or default_rules(code) for code in {*present, *given}}
            self.targets = set(known)
        else:
            self.targets = set(indicators)
            known = {
                code: given.get(code) or default_rules(code) for code in {*given, *self.targets}
            }
        order = dependency_order(known, self.targets)
        self.rules = {code: known.get(code) or default_rules(code) for code in order}
        if indicators is not None:  # an incremental run reads a small slice of the input
            wanted = pc.is_in(
                observations.column("indicator"), value_set=pa.array(order, pa.string())
            )
            observations = observations.filter(wanted)
        con = self.con = duckdb.connect()
        con.execute("SET preserve_insertion_order = false")
        # every indicator in the (filtered) input has rules by now
        keys.create_types(con, keys.domains(observations, areas, links, self.rules, self.windows))
        con.register("obs_in", observations)  # read once, into the typed table `obs`
        keys.register(con, "areas_in", areas, code="area")
        keys.register(con, "links_in", links, child="area", parent="area", hierarchy="hierarchy")
        self.levels = levels_of(areas)
        self._check_rules()
        self._run()

    # -- setup -------------------------------------------------------------------------

    def _check_rules(self) -> None:
        for rule in self.rules.values():
            for dep in rule.components:
                kind = self.rules[dep].kind
                if rule.kind == "before" and kind == "pointwise":
                    raise RulesError(
                        f"{rule.code}: a formula evaluated before aggregation cannot use "
                        f"{dep}, which only exists after aggregation",
                        indicator=rule.code,
                    )
                if rule.area_rule == "weighted_mean" and kind != "base":
                    raise RulesError(
                        f"{rule.code}: weight {dep} must be an observed indicator",
                        indicator=rule.code,
                    )

    def _of_kind(self, *kinds: str) -> list[str]:
        return [c for c, r in self.rules.items() if r.kind in kinds]

    def _run(self) -> None:
        con = self.con
        self.progress("prepare", 0, len(_STEPS))
        table = rules_table(self.rules.values())
        zero = pa.array([r.zero_significant for r in self.rules.values()], pa.bool_())
        self.parts = {code: n for n, code in enumerate(sorted(self.rules))}
        part = pa.array([self.parts[c] for c in self.rules], pa.int32())
        table = table.append_column("zero_significant", zero).append_column("part", part)
        keys.register(con, "rules_t", table, code="indicator")
        period_type = PERIOD_TYPE_SQL.format(col="o.period")
        # one pass over the input; every later step reads this compact, typed table
        con.execute(
            f"""CREATE TEMP TABLE obs AS
            SELECT o.indicator::k_indicator AS indicator, o.area::k_area AS area,
                   o.period::k_period AS period, o.breakdown::k_breakdown AS breakdown,
                   o.value_kind::k_value_kind AS value_kind,
                   CASE WHEN o.status = 'missing' OR (o.value = 0 AND NOT r.zero_significant)
                        THEN NULL ELSE o.value END AS v,
                   CASE WHEN o.status = 'missing' THEN 'observation marked missing'
                        WHEN o.value IS NULL THEN 'no value delivered'
                        WHEN o.value = 0 AND NOT r.zero_significant
                        THEN 'zero is not significant for this indicator' END AS reason,
                   {period_type} = r.periodicity AS is_base,
                   r.kind IN ('base', 'before') AS phase_a
            FROM obs_in o JOIN rules_t r ON r.code = o.indicator::k_indicator"""
        )
        con.execute(
            """CREATE TEMP TABLE derived_obs (indicator k_indicator, area k_area,
            period k_period, breakdown k_breakdown, value_kind k_value_kind, v DOUBLE,
            reason VARCHAR)"""
        )
        con.execute(
            f"""CREATE TEMP VIEW obs_all AS
            SELECT * FROM obs
            UNION ALL
            SELECT o.*, {period_type} = r.periodicity, true
            FROM derived_obs o JOIN rules_t r ON r.code = o.indicator"""
        )
        self.progress("derive", 1, len(_STEPS))
        for code in self._of_kind("before"):
            con.execute(formula_before_sql(self.rules[code]))

        self._register_periods()
        self._register_hierarchies()
        self.progress("areas", 2, len(_STEPS))
        con.execute(ROW_TABLE_DDL.format(name="comp"))
        weighted = [c for c in self._of_kind("base") if self.rules[c].area_rule == "weighted_mean"]
        keys.register(
            con,
            "weights_t",
            pa.table(
                {
                    "code": pa.array(weighted, pa.string()),
                    "weight": pa.array([self.rules[c].weight for c in weighted], pa.string()),
                }
            ),
            code="indicator",
            weight="indicator",
        )
        for hierarchy in self.plan.hierarchies:
            for height in range(1, self.plan.max_height(hierarchy) + 1):
                con.execute(area_step_sql(hierarchy, height, weighted=bool(weighted)))

        self.progress("time", 3, len(_STEPS))
        self._time()
        self.progress("pointwise", 4, len(_STEPS))
        self._pointwise()
        self.progress("done", len(_STEPS), len(_STEPS))

    def _register_periods(self) -> None:
        con = self.con
        pairs = con.sql("SELECT DISTINCT indicator, period FROM obs_all").fetchall()
        parsed = {p: parse_period(p) for p in {p for _, p in pairs}}
        phase_a = set(self._of_kind("base", "before"))
        self.present = {i for i, _ in pairs}
        base_periods = sorted(
            {p for i, p in pairs if i in phase_a and parsed[p].type == self.rules[i].periodicity}
        )
        self.has_coarse = any(
            i in phase_a and parsed[p].type != self.rules[i].periodicity for i, p in pairs
        )
        keys.register(
            con,
            "period_info",
            pa.table(
                {
                    "period": pa.array(base_periods, pa.string()),
                    "end_date": pa.array([parsed[p].end for p in base_periods], pa.date32()),
                }
            ),
            period="period",
        )
        pmap, info = period_frames(base_periods, self.windows)
        keys.register(con, "pmap", pmap, sub="period", target="period")
        keys.register(con, "target_info", info, period="period")
        self.base_periodicities = {parsed[p].type for p in base_periods}
        con.execute(
            """CREATE TEMP VIEW base_a AS
            SELECT indicator, area, period, breakdown, value_kind, v, reason
            FROM obs_all WHERE phase_a AND is_base"""
        )

    def _register_hierarchies(self) -> None:
        con = self.con
        self.plan = plan_hierarchies(
            con.sql("SELECT child, parent, hierarchy FROM links_in").to_arrow_table()
        )
        keys.register(con, "hh", self.plan.height_table(), hierarchy="hierarchy", area="area")
        keys.register(
            con, "area_hier", self.plan.area_hierarchies(), area="area", hierarchy="hierarchy"
        )
        parents = pa.array(sorted(self.plan.all_parents()), pa.string())
        keys.register(con, "parents_t", pa.table({"area": parents}), area="area")
        con.execute(
            f"""CREATE TEMP TABLE al AS
            SELECT x.*, coalesce(hc.height, 0) AS child_height,
                   coalesce(hp.height, 0) AS parent_height
            FROM ({ACTIVE_LINKS_SQL.format(periods="period_info")}) x
            LEFT JOIN hh hc ON hc.hierarchy = x.hierarchy AND hc.area = x.child
            LEFT JOIN hh hp ON hp.hierarchy = x.hierarchy AND hp.area = x.parent"""
        )
        con.execute(
            """CREATE TEMP TABLE cc AS
            SELECT hierarchy, parent, period, count(*) FILTER (WHERE NOT unalloc) AS expected
            FROM al GROUP BY ALL"""
        )

    def _time(self) -> None:
        con = self.con
        con.execute(
            """CREATE TEMP VIEW leaf AS
            SELECT NULL::k_hierarchy AS hierarchy, indicator, area, period, breakdown, value_kind,
                   v AS reported, NULL::DOUBLE AS computed, (v IS NOT NULL)::INTEGER AS cov_count,
                   1 AS cov_expected, 1 AS n_parts, NULL::DOUBLE AS unalloc, false AS partial,
                   reason
            FROM base_a ANTI JOIN parents_t p ON p.area = base_a.area"""
        )
        con.execute(
            """CREATE TEMP VIEW t_base AS
            SELECT x.hierarchy, x.indicator, x.area, x.period, x.breakdown, x.value_kind,
                   coalesce(x.reported, x.computed) AS value, x.unalloc,
                   x.partial AND x.reported IS NULL AS partial, r.periodicity
            FROM (SELECT * FROM leaf UNION ALL SELECT * FROM comp) x
            JOIN rules_t r ON r.code = x.indicator
            WHERE r.time_rule <> 'none'"""
        )
        run_time_steps(con, periodicities=self.base_periodicities, has_windows=bool(self.windows))
        cols = ", ".join(ROW_COLUMNS)
        if self.has_coarse:
            coalesced = ", ".join(
                f"coalesce(t.{c}, o.{c}) AS {c}"
                for c in ("hierarchy", "indicator", "area", "period", "breakdown", "value_kind")
            )
            con.execute(
                f"""CREATE TEMP VIEW time_rows AS
                WITH t AS ({TIME_ROWS_SQL}),
                o AS (
                    SELECT ah.hierarchy, c.indicator, c.area, c.period, c.breakdown, c.value_kind,
                           c.v AS reported, c.reason AS own_reason
                    FROM obs_all c LEFT JOIN area_hier ah ON ah.area = c.area
                    WHERE c.phase_a AND NOT c.is_base
                )
                SELECT {coalesced}, o.reported, t.computed, coalesce(t.cov_count, 0) AS cov_count,
                       CASE WHEN r.time_rule = 'none' THEN 0  -- kept as reported: no parts
                            ELSE coalesce(t.cov_expected, ti.expected, 0) END AS cov_expected,
                       coalesce(t.n_parts, 0) AS n_parts, t.unalloc,
                       coalesce(t.partial, ti.expected > 0 AND r.time_rule <> 'none', false)
                           AS partial,
                       coalesce(t.reason, o.own_reason) AS reason
                FROM t FULL JOIN o ON t.indicator = o.indicator AND {same_key("t", "o")}
                LEFT JOIN rules_t r ON r.code = coalesce(t.indicator, o.indicator)
                LEFT JOIN target_info ti ON ti.period = coalesce(t.period, o.period)
                     AND ti.periodicity = r.periodicity"""
            )
        else:
            con.execute(f"CREATE TEMP VIEW time_rows AS SELECT {cols} FROM ({TIME_ROWS_SQL})")
        con.execute(
            f"""CREATE TEMP VIEW rows_a AS
            SELECT {cols} FROM leaf UNION ALL SELECT {cols} FROM comp
            UNION ALL SELECT {cols} FROM time_rows"""
        )

    def _pointwise(self) -> None:
        con = self.con
        con.execute(ROW_TABLE_DDL.format(name="b_rows"))
        con.execute(
            "CREATE TEMP VIEW rows_all AS SELECT * FROM rows_a UNION ALL SELECT * FROM b_rows"
        )
        ratios = [c for c in self._of_kind("pointwise") if self.rules[c].formula is None]
        keys.register(
            con,
            "ratio_defs",
            pa.table(
                {
                    "code": pa.array(ratios, pa.string()),
                    "numerator": pa.array([self.rules[c].numerator for c in ratios], pa.string()),
                    "denominator": pa.array(
                        [self.rules[c].denominator for c in ratios], pa.string()
                    ),
                    "scale": pa.array([float(self.rules[c].scale) for c in ratios], pa.float64()),
                }
            ),
            code="indicator",
        )
        keys.register(
            con,
            "ratio_parts",
            pa.table(
                {
                    "code": pa.array([c for c in ratios for _ in (0, 1)], pa.string()),
                    "component": pa.array(
                        [
                            x
                            for c in ratios
                            for x in (self.rules[c].numerator, self.rules[c].denominator)
                        ],
                        pa.string(),
                    ),
                    "role": pa.array(["num", "den"] * len(ratios), pa.string()),
                }
            ),
            code="indicator",
            component="indicator",
        )
        done = set(self._of_kind("base", "before"))
        needed = {dep for r in self.rules.values() for dep in r.components}
        self.streamed: list[str] = []
        pending = self._of_kind("pointwise")
        while pending:
            ready = [c for c in pending if set(self.rules[c].components) <= done]
            wave = [c for c in ready if c in ratios]
            stored = [c for c in wave if c in needed]
            streamed = [c for c in wave if c not in needed]
            if stored:
                con.execute(ratio_wave_sql(stored, with_own=bool(self.present & set(stored))))
            if streamed:
                view = f"b_stream_{len(self.streamed)}"
                head = f"CREATE TEMP VIEW {view} AS"
                own = bool(self.present & set(streamed))
                con.execute(ratio_wave_sql(streamed, with_own=own, into=head))
                self.streamed.append(view)
            for code in ready:
                if code not in ratios:
                    con.execute(formula_after_sql(self.rules[code]))
            done.update(ready)
            pending = [c for c in pending if c not in done]

    # -- output ------------------------------------------------------------------------

    def stored_sql(self, indicators: Iterable[str] | None = None) -> str:
        """SELECT producing `indicator`, `part` and the STORED columns of every aggregate.

        `part` numbers the indicators in code order (the store partitions its files by it).
        Leaf rows (areas that are no parent) only echo their observation, so they get a
        cheap SELECT of their own; everything computed gets a tolerance. The rest of
        AGGREGATES follows from these columns (`aggregates.complete`).
        """
        wanted = set(self.targets if indicators is None else indicators)
        where = (
            ""
            if wanted >= set(self.rules)
            else f"WHERE {{a}}.indicator IN {lit_list(sorted(wanted))}"
        )
        both = "r.computed IS NOT NULL AND r.reported IS NOT NULL"
        tol = f"""CASE WHEN NOT ({both}) THEN NULL
            WHEN ru.tolerance_abs IS NOT NULL OR ru.tolerance_rel IS NOT NULL
              THEN greatest(coalesce(ru.tolerance_abs, 0),
                            coalesce(ru.tolerance_rel, 0) * abs(r.reported))
            WHEN ru.decimals IS NOT NULL THEN 0.5 * pow(10, -ru.decimals) * greatest(r.n_parts, 1)
            ELSE 0 END"""
        computed_sources = " UNION ALL ".join(
            f"SELECT * FROM {t}" for t in ("comp", "time_rows", "b_rows", *self.streamed)
        )
        return f"""
        SELECT l.indicator, ru.part, NULL::k_hierarchy AS hierarchy, l.area, l.period,
               l.breakdown, l.value_kind, NULL::DOUBLE AS computed_value,
               l.reported AS reported_value, NULL::DOUBLE AS tolerance,
               NULL::DOUBLE AS unallocated_value, l.cov_count AS coverage_count,
               1 AS coverage_expected, false AS partial,
               CASE WHEN l.reported IS NULL THEN coalesce(l.reason, 'no data') END AS missing_reason
        FROM leaf l
        JOIN rules_t ru ON ru.code = l.indicator
        {where.format(a="l")}
        UNION ALL
        SELECT r.indicator, ru.part, r.hierarchy, r.area, r.period, r.breakdown, r.value_kind,
               r.computed AS computed_value, r.reported AS reported_value, {tol} AS tolerance,
               r.unalloc AS unallocated_value, r.cov_count::INTEGER AS coverage_count,
               r.cov_expected::INTEGER AS coverage_expected, r.partial,
               CASE WHEN coalesce(r.reported, r.computed) IS NULL
                    THEN coalesce(r.reason, 'no data') END AS missing_reason
        FROM ({computed_sources}) r
        JOIN rules_t ru ON ru.code = r.indicator
        {where.format(a="r")}
        """

    def to_arrow(self, *, sort: bool = True) -> pa.Table:
        sql = f"SELECT * EXCLUDE (part) FROM ({self.stored_sql()})"
        if sort:
            sql += " ORDER BY indicator, value_kind, hierarchy NULLS FIRST, area, period, breakdown"
        table = self.con.sql(sql).to_arrow_table()
        stored = table.select(STORED.names).cast(STORED)
        indicator = table.column("indicator").cast(pa.string())
        return complete(stored, levels=self.levels, indicator=indicator)

    def close(self) -> None:
        self.con.close()


def aggregate(
    observations: pa.Table,
    areas: pa.Table,
    links: pa.Table,
    rules: Iterable[IndicatorRules] | Mapping[str, IndicatorRules],
    *,
    indicators: Iterable[str] | None = None,
    windows: Sequence[tuple[int, int]] = (),
    progress: Progress | None = None,
) -> pa.Table:
    """AGGREGATES for every indicator (or the given ones), all areas, all period types."""
    run = Aggregation(
        observations, areas, links, rules, indicators=indicators, windows=windows, progress=progress
    )
    try:
        return run.to_arrow()
    finally:
        run.close()


__all__ = ["Aggregation", "aggregate"]
