"""Numbers as the pages show them: rounded half up, grouped, in the active language."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal, localcontext

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from koers.indicators.models import Indicator

NO_VALUE = "–"
#: decimals shown at most: beyond this a float has no digits left to show
MAX_DECIMALS = 20
#: from here on a float has no exact units left, so it is written as `1,23 × 10^30`
SCIENTIFIC_FROM = 1e15
#: units that are a count of things: "628" reads better than "628 aantal"
COUNT_UNITS = {"aantal", "count", ""}


def multiplier_words() -> dict[int, str]:
    """Words for the SDMX unit multipliers we meet (values are in unit x 10^multiplier)."""
    return {3: _("duizend"), 6: _("miljoen"), 9: _("miljard")}


def unit_label(indicator: Indicator) -> str:
    """`MW`, or `duizend kg N` when values are stored in thousands."""
    words = multiplier_words().get(indicator.unit_multiplier)
    if words:
        return f"{words} {indicator.unit}".strip()
    if indicator.unit_multiplier:
        return f"× 10^{indicator.unit_multiplier} {indicator.unit}".strip()
    return indicator.unit


def rounded(value: float, decimals: int) -> Decimal:
    """Half up, as people round (Python's round() rounds half to even); any finite float."""
    exact = Decimal(repr(float(value)))
    with localcontext() as context:
        # Enough digits for every float: 1e308 has 309 before the decimal point.
        context.prec = max(exact.adjusted(), 0) + decimals + 2
        return exact.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)


def scientific(value: float) -> str:
    """`1,23 × 10^30`: a huge value in the page language, never thirty grouped zeros."""
    mantissa, exponent = f"{value:.2e}".split("e")
    text = number_format(Decimal(mantissa), decimal_pos=2, use_l10n=True)
    return f"{text} × 10^{int(exponent)}"


def format_number(value: float | None, decimals: int = 0) -> str:
    """`1.234,5` in Dutch, `1,234.5` in English; a dash for no value or a non-finite one."""
    if value is None:
        return NO_VALUE
    try:
        value = float(value)
    except (TypeError, ValueError, OverflowError):
        return NO_VALUE
    if not math.isfinite(value):  # NaN or ±inf: an overflowed sum, never a figure to show
        return NO_VALUE
    if abs(value) >= SCIENTIFIC_FROM:
        return scientific(value)
    number = rounded(value, min(max(decimals, 0), MAX_DECIMALS))
    # abs() turns -0 into 0: a rounded small negative is shown without a sign.
    number = abs(number) if number == 0 else number
    return number_format(number, use_l10n=True, force_grouping=True)


def format_value(value: float | None, indicator: Indicator, *, unit: bool = True) -> str:
    """The value with the indicator's decimals, and its unit unless `unit` is False."""
    text = format_number(value, indicator.decimals)
    if text == NO_VALUE or not unit or indicator.unit.strip().lower() in COUNT_UNITS:
        return text
    return f"{text} {unit_label(indicator)}".strip()
