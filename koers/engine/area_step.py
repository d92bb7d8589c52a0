"""Aggregation over areas, bottom-up per hierarchy: one SQL statement per height.

A child contributes its value: the reported one if present, else the one computed for it
in the step below. `sum` adds values; `weighted_mean` weighs them with the weight
indicator's value for the same child (same breakdown, else `_T`).
"""

from __future__ import annotations

from koers.engine.sql import lit


def _kids_sql(hierarchy: str, height: int) -> str:
    h = lit(hierarchy)
    return f"""
        SELECT l.parent AS area, l.child, b.indicator, b.period, b.breakdown, b.value_kind,
               b.v AS v, false AS partial, NULL::DOUBLE AS cu, l.unalloc
        FROM base_a b JOIN al l ON l.child = b.area AND l.period = b.period
        WHERE l.hierarchy = {h} AND l.parent_height = {height} AND l.child_height = 0
        UNION ALL
        SELECT l.parent, l.child, c.indicator, c.period, c.breakdown, c.value_kind,
               coalesce(c.reported, c.computed), c.partial AND c.reported IS NULL,
               c.unalloc, l.unalloc
        FROM comp c JOIN al l
          ON l.child = c.area AND l.period = c.period AND l.hierarchy = c.hierarchy
        WHERE l.hierarchy = {h} AND l.parent_height = {height} AND l.child_height > 0
    """


SUM_SQL = """
    SELECT k.area, k.indicator, k.period, k.breakdown, k.value_kind,
           sum(k.v) AS computed,
           count(k.v) FILTER (WHERE NOT k.unalloc) AS cov_count,
           count(k.v) AS n_parts,
           CASE WHEN count(k.v) FILTER (WHERE k.unalloc)
                     + count(k.cu) FILTER (WHERE NOT k.unalloc) > 0
                THEN coalesce(sum(k.v) FILTER (WHERE k.unalloc), 0)
                   + coalesce(sum(k.cu) FILTER (WHERE NOT k.unalloc), 0) END AS unalloc,
           bool_or(k.partial) AS child_partial
    FROM kids k JOIN rules_t r ON r.code = k.indicator
    WHERE r.area_rule = 'sum'
    GROUP BY ALL
"""

WEIGHTED_SQL = """
    SELECT k.area, k.indicator, k.period, k.breakdown, k.value_kind,
           sum(k.v * w.wv) / nullif(sum(w.wv), 0) AS computed,
           count(*) FILTER (WHERE NOT k.unalloc) AS cov_count,
           1 AS n_parts,
           NULL::DOUBLE AS unalloc,
           bool_or(k.partial) AS child_partial
    FROM kids k
    JOIN weights_t d ON d.code = k.indicator
    LEFT JOIN kids w1 ON w1.indicator = d.weight AND w1.child = k.child AND w1.area = k.area
         AND w1.period = k.period AND w1.value_kind = k.value_kind AND w1.breakdown = k.breakdown
    LEFT JOIN kids w2 ON w2.indicator = d.weight AND w2.child = k.child AND w2.area = k.area
         AND w2.period = k.period AND w2.value_kind = k.value_kind AND w2.breakdown = '_T'
    CROSS JOIN LATERAL (SELECT coalesce(w1.v, w2.v) AS wv) w
    WHERE k.v IS NOT NULL AND w.wv IS NOT NULL
    GROUP BY k.area, k.indicator, k.period, k.breakdown, k.value_kind
"""


def area_step_sql(hierarchy: str, height: int, *, weighted: bool) -> str:
    """INSERT INTO comp the rows of all parents at `height` in `hierarchy`."""
    h = lit(hierarchy)
    parts = SUM_SQL + (f" UNION ALL {WEIGHTED_SQL}" if weighted else "")
    # the weighted mean reads the children three times; a plain sum reads them once
    kids = "MATERIALIZED" if weighted else "NOT MATERIALIZED"
    return f"""
    INSERT INTO comp
    WITH kids AS {kids} ({_kids_sql(hierarchy, height)}),
    x AS ({parts}),
    own AS (
        SELECT b.area, b.indicator, b.period, b.breakdown, b.value_kind,
               b.v AS reported, b.reason AS own_reason
        FROM base_a b JOIN hh ON hh.area = b.area
        WHERE hh.hierarchy = {h} AND hh.height = {height}
    ),
    joined AS (
        SELECT coalesce(x.area, o.area) AS area, coalesce(x.indicator, o.indicator) AS indicator,
               coalesce(x.period, o.period) AS period,
               coalesce(x.breakdown, o.breakdown) AS breakdown,
               coalesce(x.value_kind, o.value_kind) AS value_kind,
               o.reported, o.own_reason, x.computed, coalesce(x.cov_count, 0) AS cov_count,
               coalesce(x.n_parts, 0) AS n_parts, x.unalloc,
               coalesce(x.child_partial, false) AS child_partial
        FROM x FULL JOIN own o
          ON o.area = x.area AND o.indicator = x.indicator AND o.period = x.period
         AND o.breakdown = x.breakdown AND o.value_kind = x.value_kind
    )
    SELECT {h}, j.indicator, j.area, j.period, j.breakdown, j.value_kind, j.reported, j.computed,
           j.cov_count, CASE WHEN r.area_rule = 'none' THEN 0 ELSE coalesce(cc.expected, 0) END,
           j.n_parts, j.unalloc,
           r.area_rule <> 'none' AND (j.cov_count < coalesce(cc.expected, 0) OR j.child_partial),
           CASE WHEN j.computed IS NULL THEN
                CASE WHEN r.area_rule = 'none' THEN 'not added up over areas (area rule none)'
                     WHEN j.cov_count = 0 AND j.n_parts = 0 THEN 'no values for child areas'
                     ELSE 'no usable weights for child areas' END
           END
    FROM joined j
    JOIN rules_t r ON r.code = j.indicator
    LEFT JOIN cc ON cc.hierarchy = {h} AND cc.parent = j.area AND cc.period = j.period
    """
