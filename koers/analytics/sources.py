"""The engine's inputs, read from the database as Arrow tables."""

from __future__ import annotations

import pyarrow as pa
from django.db import connection

from koers.areas.models import Area, AreaLink
from koers.deliveries.models import Delivery, Observation, StoredFile
from koers.engine.rules import IndicatorRules
from koers.engine.schema import AREA_LINKS, AREAS, OBSERVATIONS
from koers.indicators.models import Indicator

_OBS = Observation._meta.db_table
_DELIVERY = Delivery._meta.db_table
_FILE = StoredFile._meta.db_table
_INDICATOR = Indicator._meta.db_table
_AREA = Area._meta.db_table

#: The latest version per key among deliveries with one of the given statuses: an
#: anti-join on the unique key (an index probe per row), about twice as fast as
#: ROW_NUMBER() over a sort of every observation.
_LATEST_SQL = f"""
SELECT o.id AS obs_id, i.code AS indicator, a.code AS area, o.period, o.breakdown,
       o.value_kind, o.value, o.status, o.version, o.delivery_id, f.name AS source_file,
       o.source_row
FROM {_OBS} o
JOIN {_DELIVERY} d ON d.id = o.delivery_id
JOIN {_FILE} f ON f.id = d.file_id
JOIN {_INDICATOR} i ON i.id = o.indicator_id
JOIN {_AREA} a ON a.id = o.area_id
WHERE d.status IN ({{statuses}}) {{indicator_filter}}
  AND NOT EXISTS (
    SELECT 1 FROM {_OBS} newer JOIN {_DELIVERY} nd ON nd.id = newer.delivery_id
    WHERE newer.indicator_id = o.indicator_id AND newer.area_id = o.area_id
      AND newer.period = o.period AND newer.breakdown = o.breakdown
      AND newer.value_kind = o.value_kind AND newer.version > o.version
      AND nd.status IN ({{statuses}}))
"""  # noqa: S608 - table names are ours; values are parameters

PUBLISHED = ("published",)


def observations(*, indicators: list[str] | None = None, statuses=PUBLISHED) -> pa.Table:
    """Current observation versions (published only, by default) in the engine's schema."""
    params: list = list(statuses)
    indicator_filter = ""
    if indicators is not None:
        indicator_filter = f"AND i.code IN ({', '.join(['%s'] * len(indicators))})"
        params += list(indicators)
    params += list(statuses)  # the second statuses list is the anti-join's
    sql = _LATEST_SQL.format(
        statuses=", ".join(["%s"] * len(statuses)), indicator_filter=indicator_filter
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    columns = list(zip(*rows, strict=True)) if rows else [[] for _ in OBSERVATIONS]
    return pa.table(
        [pa.array(col, type=f.type) for col, f in zip(columns, OBSERVATIONS, strict=True)],
        schema=OBSERVATIONS,
    )


def areas() -> pa.Table:
    rows = list(Area.objects.values_list("code", "type"))
    return pa.table({"code": [c for c, _ in rows], "type": [t for _, t in rows]}, schema=AREAS)


def links() -> pa.Table:
    rows = list(
        AreaLink.objects.values_list(
            "child__code", "parent__code", "hierarchy", "valid_from", "valid_to"
        )
    )
    names = [f.name for f in AREA_LINKS]
    return pa.table(
        {name: [row[i] for row in rows] for i, name in enumerate(names)}, schema=AREA_LINKS
    )


def rules() -> dict[str, IndicatorRules]:
    """Every indicator's aggregation rules, as the engine wants them."""
    out = {}
    for ind in Indicator.objects.select_related("numerator", "denominator", "weight"):
        out[ind.code] = IndicatorRules(
            code=ind.code,
            area_rule=ind.area_rule,
            time_rule=ind.time_rule,
            periodicity=ind.periodicity,
            numerator=ind.numerator.code if ind.numerator else None,
            denominator=ind.denominator.code if ind.denominator else None,
            weight=ind.weight.code if ind.weight else None,
            scale=ind.scale,
            formula=ind.formula or None,
            formula_stage=ind.formula_stage,
            zero_significant=ind.zero_significant,
            decimals=ind.decimals,
            tolerance_abs=ind.tolerance_abs,
            tolerance_rel=ind.tolerance_rel,
        )
    return out
