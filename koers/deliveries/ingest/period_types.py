"""Periods beyond the calendar on import: financial, academic and schadejaar years, and
multi-year ranges.

Their codes, start and end dates are the engine's (`koers.engine.periods`): `FY2019/20`
(1 April - 31 March), `AY2019/20` (1 September - 31 August), `SJ2019/20` (1 November -
31 October) and `2013/2016` (calendar years 2013 to 2016). A source writes `2019/20` for
all of them, so a mapping names the style; a spelled-out Koers code is read in any style.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from koers.deliveries.ingest.errors import PeriodCodeError
from koers.engine.errors import PeriodError
from koers.engine.periods import SHIFTED_YEARS, parse_period, shifted_year_code, window_code

#: Mapping `period.style` values for periods that are not calendar periods.
STYLES = (*SHIFTED_YEARS, "range")
_PAIR = re.compile(r"^(\d{4})\s*[/-]\s*(\d{4}|\d{2})$")
_OTHER_CODE = re.compile(r"^(?:(?:FY|AY|SJ)\d{4}/\d{2}|\d{4}/\d{4})$")
_FIRST_YEAR, _LAST_YEAR = 1800, 2199
_LONGEST_RANGE = 20  # years a two-digit end may reach into the next century


def is_other(code: str) -> bool:
    """True for a Koers code of a shifted year or a multi-year range."""
    return bool(_OTHER_CODE.match(code))


def _years(text: str, code: str) -> tuple[int, int]:
    match = _PAIR.match(text)
    if not match:
        raise PeriodCodeError(f"unknown period code {code!r}", period=code)
    first, last_text = int(match.group(1)), match.group(2)
    last = int(last_text)
    if len(last_text) == 2:  # 2013/16 -> 2016, 1999/00 -> 2000 (never a century's jump)
        last += first - first % 100
        if last < first and last + 100 - first <= _LONGEST_RANGE:
            last += 100
    if not (_FIRST_YEAR <= first <= _LAST_YEAR and _FIRST_YEAR <= last <= _LAST_YEAR):
        raise PeriodCodeError(f"year out of range in period code {code!r}", period=code)
    return first, last


def canonical_other(text: str) -> str | None:
    """The code itself if it is a valid Koers code of one of these types, else None."""
    if not is_other(text):
        return None
    try:
        parse_period(text)
    except PeriodError:
        return None
    first = int(text[-9:-5] if text[0].isdigit() else text[2:6])
    return text if _FIRST_YEAR <= first <= _LAST_YEAR else None


@lru_cache(maxsize=4096)
def parse_styled(text: str, style: str) -> str:
    """`2019/20` under style financial_year -> `FY2019/20`; `2013/16` under range -> `2013/2016`."""
    code = text.strip()
    own = canonical_other(code) if not code[:1].isdigit() else None  # FY2019/20 as written
    if own is not None:
        return own
    first, last = _years(code, text)
    if style == "range":
        if last <= first:
            raise PeriodCodeError(f"range {text!r} must end after it starts", period=text)
        return window_code(first, last)
    if last != first + 1:
        raise PeriodCodeError(
            f"{text!r} is not one {style.replace('_', ' ')}: the years must follow each other",
            period=text,
        )
    return shifted_year_code(style, first)


def other_periodicity(code: str) -> str:
    """financial_year, academic_year, schadejaar or window."""
    return parse_period(code).type


def other_previous(code: str) -> str:
    """The period just before: FY2019/20 -> FY2018/19; 2013/2016 -> 2009/2012."""
    period = parse_period(code)
    if period.type == "window":
        years = period.months // 12
        return window_code(period.year - years, period.year - 1)
    return shifted_year_code(period.type, period.year - 1)


def other_end(code: str) -> dt.date:
    return parse_period(code).end


_MONTHS = {"month": 1, "quarter": 3, "half_year": 6, "year": 12}
#: Period type names for messages, one language each.
NAMES_NL = {
    "year": "jaar",
    "half_year": "halfjaar",
    "quarter": "kwartaal",
    "month": "maand",
    "window": "meerjarige periode",
    "financial_year": "boekjaar (april-maart)",
    "academic_year": "studiejaar (september-augustus)",
    "schadejaar": "schadejaar (november-oktober)",
}
NAMES_EN = {
    "year": "year",
    "half_year": "half year",
    "quarter": "quarter",
    "month": "month",
    "window": "multi-year range",
    "financial_year": "financial year (April-March)",
    "academic_year": "academic year (September-August)",
    "schadejaar": "damage year (November-October)",
}


def computable_from(kind: str, base: str) -> bool:
    """Can a period of type `kind` be rolled up from periods of type `base`? A year from its
    months, a range of years from years; never a shifted year from calendar periods."""
    if base not in _MONTHS:
        return False
    if kind == "window":
        return True
    return kind in _MONTHS and _MONTHS[kind] > _MONTHS[base]
