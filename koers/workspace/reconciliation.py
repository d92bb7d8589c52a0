"""Where reported totals and computed totals disagree beyond tolerance, from the aggregates."""

from __future__ import annotations

from koers.analytics.store import aggregates
from koers.engine.reconcile import reconciliation
from koers.indicators.models import Indicator


def differences_beyond_tolerance(codes: list[str] | None = None) -> list[dict]:
    """Every aggregate with within_tolerance false, largest relative difference first."""
    if codes is None:
        codes = list(Indicator.objects.exclude(status="peer").values_list("code", flat=True))
    found: list[dict] = []
    for code in codes:
        found += reconciliation(aggregates(code), failures_only=True).to_pylist()
    for row in found:
        reported = row["reported_value"]
        row["relative"] = abs(row["difference"] / reported) if reported else None
        row["percent"] = None if row["relative"] is None else 100 * row["relative"]
    return sorted(
        found,
        key=lambda r: (-(r["relative"] or 0), r["indicator"], r["area"], r["period"]),
    )
