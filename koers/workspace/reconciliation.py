"""Where reported totals and computed totals disagree beyond tolerance, from the aggregates."""

from __future__ import annotations

import pyarrow.compute as pc

from koers.analytics.store import aggregates
from koers.indicators.models import Indicator

COLUMNS = (
    "indicator",
    "area",
    "period",
    "breakdown",
    "value_kind",
    "reported_value",
    "computed_value",
    "difference",
    "tolerance",
    "coverage_count",
    "coverage_expected",
    "lineage_id",
)


def differences_beyond_tolerance(codes: list[str] | None = None) -> list[dict]:
    """Every aggregate with within_tolerance false, largest relative difference first."""
    if codes is None:
        codes = list(Indicator.objects.exclude(status="peer").values_list("code", flat=True))
    found: list[dict] = []
    for code in codes:
        table = aggregates(code)
        if not table.num_rows:
            continue
        outside = table.filter(pc.equal(table["within_tolerance"], False))
        found += outside.select(list(COLUMNS)).to_pylist()
    for row in found:
        reported = row["reported_value"]
        row["relative"] = abs(row["difference"] / reported) if reported else None
        row["percent"] = None if row["relative"] is None else 100 * row["relative"]
    return sorted(
        found,
        key=lambda r: (-(r["relative"] or 0), r["indicator"], r["area"], r["period"]),
    )
