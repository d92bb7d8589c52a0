"""The plausible range of an indicator's values: its own minimum and maximum where the
catalogue sets them, else a range derived from its unit, and never beyond ±10^15.

A percentage lies between 0 and 100, a rate per 1,000 between 0 and 1,000, a count (a
whole-number indicator, or a unit such as `aantal` or `ha`) is not negative. No measured
figure reaches 10^15 (beyond it a float no longer holds whole numbers exactly), so 1e30
is an error even for an indicator without a maximum.
"""

from __future__ import annotations

from koers.deliveries.ingest.validation.context import IndicatorSpec
from koers.deliveries.ingest.validation.errors import number_text, number_text_nl

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
    """`range_nl` / `range_en` for messages, as a person says them: 'tussen 0 en 100
    liggen', 'minstens 0 zijn' (no upper bound but the ceiling), 'hoogstens 100 zijn'.

    Dutch numbers are written the Dutch way (1.000.000; 0,5).
    """
    lo_nl, hi_nl = number_text_nl(low), number_text_nl(high)
    lo_en, hi_en = number_text(low), number_text(high)
    if high >= CEILING and low > -CEILING:
        return {"range_nl": f"minstens {lo_nl} zijn", "range_en": f"be at least {lo_en}"}
    if low <= -CEILING and high < CEILING:
        return {"range_nl": f"hoogstens {hi_nl} zijn", "range_en": f"be at most {hi_en}"}
    return {
        "range_nl": f"tussen {lo_nl} en {hi_nl} liggen",
        "range_en": f"lie between {lo_en} and {hi_en}",
    }


def range_label(low: float, high: float) -> str:
    """The range in a Dutch template cell: 'tussen 0 en 100', 'minstens 0', 'hoogstens 5'."""
    return range_text(low, high)["range_nl"].removesuffix(" liggen").removesuffix(" zijn")
