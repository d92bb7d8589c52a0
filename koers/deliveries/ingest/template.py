"""The Koers delivery template: a long layout that needs no mapping file.

`koers template` writes these Dutch headers; one row is one observation. `uitsplitsing`
holds a canonical breakdown (`_T` or blank for the total, else `Dim=code;Dim=code`),
`waardetype` realisatie/doel/prognose (blank: realisatie), and `status`
normaal/geschat/voorlopig/ontbrekend/vertrouwelijk (blank: normaal, or ontbrekend when
`waarde` is blank). Headers are matched case-insensitively; extra columns are ignored.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from koers.deliveries.ingest.mapping import CodeSource, Mapping, PeriodSource, ValueColumn

TEMPLATE_COLUMNS = (
    "indicator",
    "gebied",
    "periode",
    "uitsplitsing",
    "waardetype",
    "waarde",
    "status",
)
_REQUIRED = ("indicator", "gebied", "periode", "waarde")

TEMPLATE_MAPPING = Mapping(
    name="koers-template",
    file="(built-in template)",
    description="Koers delivery template: indicator, gebied, periode, uitsplitsing, ...",
    area=CodeSource(column="gebied"),
    period=PeriodSource(column="periode"),
    breakdown_column="uitsplitsing",
    values=(
        ValueColumn(
            column="waarde",
            indicator_column="indicator",
            value_kind_column="waardetype",
            status_column="status",
        ),
    ),
)


def template_mapping_for(header: Sequence[str]) -> Mapping | None:
    """TEMPLATE_MAPPING adapted to this header's spelling, or None if it is not the template."""
    spelled = {name.strip().lower(): name for name in header}
    if not all(column in spelled for column in _REQUIRED):
        return None
    names = {column: spelled.get(column) for column in TEMPLATE_COLUMNS}
    value = dataclasses.replace(
        TEMPLATE_MAPPING.values[0],
        column=names["waarde"],
        indicator_column=names["indicator"],
        value_kind_column=names["waardetype"],
        status_column=names["status"],
    )
    return dataclasses.replace(
        TEMPLATE_MAPPING,
        area=CodeSource(column=names["gebied"]),
        period=PeriodSource(column=names["periode"]),
        breakdown_column=names["uitsplitsing"],
        values=(value,),
    )


def is_template(header: Sequence[str]) -> bool:
    """True when the header has at least the template's indicator, gebied, periode, waarde."""
    return template_mapping_for(header) is not None
