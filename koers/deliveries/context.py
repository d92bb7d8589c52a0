"""Build the ingest library's ValidationContext from the database."""

from __future__ import annotations

from koers.areas.models import Area, AreaLink
from koers.config import config
from koers.deliveries.ingest.limits import MB, IngestLimits
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
                "area_rule": indicator.area_rule,
                "time_rule": indicator.time_rule,
                "unit": indicator.unit,
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


def ingest_limits() -> IngestLimits:
    """The import's bounds, from the KOERS_MAX_* settings (docs/settings.md)."""
    return IngestLimits(
        max_file_bytes=config("KOERS_MAX_FILE_MB") * MB,
        max_cells=config("KOERS_MAX_CELLS"),
        max_columns=config("KOERS_MAX_COLUMNS"),
        max_cell_chars=config("KOERS_MAX_CELL_CHARS"),
        max_xlsx_ratio=config("KOERS_MAX_XLSX_RATIO"),
        max_xlsx_expanded_bytes=config("KOERS_MAX_XLSX_EXPANDED_MB") * MB,
        max_json_depth=config("KOERS_MAX_JSON_DEPTH"),
    )


def validation_context(
    *, province: str | None, history=None, temp_dir: str | None = None
) -> ValidationContext:
    """Everything the checks need, from the database and settings; `temp_dir` takes the
    ledger's spill files (None: the system's temp folder)."""
    return ValidationContext(
        known_areas=frozenset(Area.objects.values_list("code", flat=True)),
        indicators=indicator_specs(),
        allowed_areas=descendants(province) if province else None,
        history=history,
        max_errors_per_rule=config("KOERS_MAX_ERRORS_PER_RULE"),
        limits=ingest_limits(),
        temp_dir=temp_dir,
    )
