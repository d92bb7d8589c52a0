"""The plausible range of an indicator's values: its own minimum and maximum where the
catalogue sets them, else a range derived from its unit, and never beyond ±10^15.

A percentage lies between 0 and 100, a rate per 1,000 between 0 and 1,000, a count (a
whole-number indicator, or a unit such as `aantal` or `ha`) is not negative. No measured
figure reaches 10^15 (beyond it a float no longer holds whole numbers exactly), so 1e30
is an error even for an indicator without a maximum.
"""

from __future__ import annotations

from koers.deliveries.ingest.validation.context import IndicatorSpec
from koers.deliveries.ingest.validation.errors import number_text

CEILING = 1e15
_PERCENT = {"%", "procent", "percent", "percentage"}
_PER_MILLE = ("per 1 000", "per 1000", "per 1.000", "‰")
_COUNTS = {
    "aantal",
    "personen",
    "inwoners",
    "woningen",
    "datasets",
    "overnachtingen",
    "fte",
    "ha",
    "hectare",
    "km",
    "mw",
    "kwh",
    "mwh",
    "gwh",
}


def unit_range(unit: str | None, value_type: str = "number") -> tuple[float, float]:
    """The range a unit implies on its own (±CEILING when it implies nothing)."""
    text = (unit or "").strip().lower()
    if text in _PERCENT:
        return 0.0, 100.0
    if text.startswith(_PER_MILLE):
        return 0.0, 1000.0
    if value_type == "integer" or text in _COUNTS:
        return 0.0, CEILING
    return -CEILING, CEILING


def plausible_range(spec: IndicatorSpec) -> tuple[float, float]:
    """The indicator's own bounds where set, the unit's elsewhere, within ±CEILING."""
    low, high = unit_range(spec.unit, spec.value_type)
    if spec.minimum is not None:
        low = max(-CEILING, float(spec.minimum))
    if spec.maximum is not None:
        high = min(CEILING, float(spec.maximum))
    return low, high


def range_text(low: float, high: float) -> dict[str, str]:
    """`range_nl` / `range_en` for messages: 'tussen 0 en 100', 'between 0 and 100'."""
    lo, hi = number_text(low), number_text(high)
    return {"range_nl": f"tussen {lo} en {hi}", "range_en": f"between {lo} and {hi}"}
