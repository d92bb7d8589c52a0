"""Build the ingest library's ValidationContext from the database."""

from __future__ import annotations

from koers.areas.models import Area, AreaLink
from koers.deliveries.ingest.validation.catalogue_specs import spec_from_entry
from koers.deliveries.ingest.validation.context import IndicatorSpec, ValidationContext
from koers.indicators.models import Indicator


def indicator_specs() -> dict[str, IndicatorSpec]:
    return {
        indicator.code: spec_from_entry(
            {
                "code": indicator.code,
                "value_type": "integer" if indicator.value_type == "integer" else "number",
                "min": indicator.min_value,
                "max": indicator.max_value,
                "periodicity": indicator.periodicity,
                "breakdowns": indicator.breakdowns,
                "decimals": indicator.decimals,
            }
        )
        for indicator in Indicator.objects.all()
    }


def descendants(code: str) -> frozenset[str]:
    """An area and everything below it in any hierarchy."""
    children: dict[str, list[str]] = {}
    for child, parent in AreaLink.objects.values_list("child__code", "parent__code"):
        children.setdefault(parent, []).append(child)
    found, todo = {code}, [code]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return frozenset(found)


def validation_context(*, province: str | None, history=None) -> ValidationContext:
    return ValidationContext(
        known_areas=frozenset(Area.objects.values_list("code", flat=True)),
        indicators=indicator_specs(),
        allowed_areas=descendants(province) if province else None,
        history=history,
    )
