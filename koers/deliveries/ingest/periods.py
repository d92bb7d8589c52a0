"""Period codes on import: canonical `2023`, `2023-H1`, `2023-Q4`, `2023-03`, and CBS codes.

CBS writes `2023JJ00` (year), `2021HJ01` (half year), `2023KW04` (quarter) and
`2023MM03` (month); they become `2023`, `2021-H1`, `2023-Q4` and `2023-03`.
Periodicity names match `koers.engine.periods`: year, half_year, quarter, month.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from koers.deliveries.ingest.errors import PeriodCodeError
from koers.deliveries.ingest.period_types import (
    STYLES,
    canonical_other,
    is_other,
    other_end,
    other_periodicity,
    other_previous,
    parse_styled,
)

PERIODICITIES = ("year", "half_year", "quarter", "month")
_CANONICAL = re.compile(r"^(\d{4})(?:-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$")
_CBS = re.compile(r"^(\d{4})(JJ00|HJ0[12]|KW0[1-4]|MM(?:0[1-9]|1[0-2]))$")
_FIRST_YEAR, _LAST_YEAR = 1800, 2199  # a 4-digit typo like 0223 or 9999 is not a period
_PER_YEAR = {"year": 1, "half_year": 2, "quarter": 4, "month": 12}


def _check_year(year: str, code: str) -> None:
    if not _FIRST_YEAR <= int(year) <= _LAST_YEAR:
        raise PeriodCodeError(f"year out of range in period code {code!r}", period=code)


@lru_cache(maxsize=4096)
def parse_period(code: str, *, style: str = "auto") -> str:
    """Canonical period code for `code`; style is auto, cbs, canonical or one of
    period_types.STYLES (financial_year, academic_year, schadejaar, range). Raises
    PeriodCodeError."""
    text = code.strip()
    if style in STYLES:  # periods beyond the calendar (period_types.py)
        return parse_styled(text, style)
    if style in ("auto", "canonical") and canonical_other(text):
        return text
    if style in ("auto", "canonical"):
        match = _CANONICAL.match(text)
        if match:
            _check_year(match.group(1), code)
            return text
    if style in ("auto", "cbs"):
        match = _CBS.match(text)
        if match:
            year, part = match.group(1), match.group(2)
            _check_year(year, code)
            kind, number = part[:2], int(part[2:])
            if kind == "JJ":
                return year
            if kind == "HJ":
                return f"{year}-H{number}"
            if kind == "KW":
                return f"{year}-Q{number}"
            return f"{year}-{number:02d}"
    if style not in ("auto", "cbs", "canonical"):
        raise ValueError(f"unknown period style {style!r}")
    raise PeriodCodeError(f"unknown period code {code!r}", period=code)


def _split(period: str) -> tuple[int, str, int]:
    """(year, periodicity, 1-based index within the year) of a canonical code."""
    match = _CANONICAL.match(period)
    if not match:
        raise PeriodCodeError(f"not a canonical period code {period!r}", period=period)
    year, part = int(match.group(1)), match.group(2)
    if part is None:
        return year, "year", 1
    if part[0] == "H":
        return year, "half_year", int(part[1])
    if part[0] == "Q":
        return year, "quarter", int(part[1])
    return year, "month", int(part)


def periodicity(period: str) -> str:
    """year, half_year, quarter or month of a canonical period code (or a period_types type)."""
    if is_other(period):
        return other_periodicity(period)
    return _split(period)[1]


def _format(year: int, kind: str, index: int) -> str:
    if kind == "year":
        return str(year)
    if kind == "half_year":
        return f"{year}-H{index}"
    if kind == "quarter":
        return f"{year}-Q{index}"
    return f"{year}-{index:02d}"


@lru_cache(maxsize=4096)
def previous_period(period: str) -> str:
    """The period just before `period`, of the same periodicity (2023-Q1 -> 2022-Q4)."""
    if is_other(period):
        return other_previous(period)
    year, kind, index = _split(period)
    if index > 1:
        return _format(year, kind, index - 1)
    return _format(year - 1, kind, _PER_YEAR[kind])


@lru_cache(maxsize=4096)
def period_end(period: str) -> dt.date:
    """The last day of a canonical period (2023-Q1 -> 2023-03-31)."""
    if is_other(period):
        return other_end(period)
    year, kind, index = _split(period)
    month = index * 12 // _PER_YEAR[kind]
    return dt.date(year, month, calendar.monthrange(year, month)[1])
