"""What a mapping's overlapping breakdown dimensions mean for validation: their parts may
add up to more than the total (several methods per person, multiple answers), so the
parts-versus-total check skips them, and the report says so once per dimension."""

from __future__ import annotations

from collections.abc import Iterator

from koers.deliveries.ingest.mapping import Mapping
from koers.deliveries.ingest.validation.errors import ValidationWarning


class OverlappingBreakdown(ValidationWarning):
    code = "overlapping_breakdown"
    title = "Overlapping breakdown: parts not checked against the total"
    description = (
        "The mapping marks this breakdown dimension as overlapping (one person can be in "
        "several parts), so its parts may add up to more than the total and are not checked."
    )
    template_nl = (
        "Kolom '{column}': uitsplitsing {dimension} is in mapping '{mapping}' als overlappend "
        "aangemerkt; de delen worden niet tegen het totaal gecontroleerd."
    )
    template_en = (
        "Column '{column}': breakdown {dimension} is marked overlapping in mapping "
        "'{mapping}'; its parts are not checked against the total."
    )


def overlapping_dimensions(mapping: Mapping) -> frozenset[str]:
    return frozenset(dim for dim, spec in mapping.breakdowns.items() if spec.overlapping)


def mapping_notes(mapping: Mapping, file: str) -> Iterator[OverlappingBreakdown]:
    """One warning per overlapping dimension, so a reader of the report knows."""
    for dim in sorted(overlapping_dimensions(mapping)):
        params = {"dimension": dim, "mapping": mapping.name}
        column = mapping.dimension_column(dim)
        yield OverlappingBreakdown(file=file, row=None, column=column, value=None, params=params)
