"""Period codes and arithmetic.

Calendar periods `2023`, `2023-H1`, `2023-Q4`, `2023-03` roll up into each other; windows
`2015/2020` are calendar years first to last. Years that start on another day are period
types of their own, never rolled up into calendar periods (each keeps its own series):
`FY2019/20` financial year (1 April - 31 March), `AY2019/20` academic year (1 September -
31 August), `SJ2019/20` BIJ12's schadejaar (1 November - 31 October). `period_label()`
gives the code as sources publish it (`2019/20`, `2013/16`).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from koers.engine.errors import PeriodError

PERIODICITIES = ("year", "half_year", "quarter", "month")
# Years that do not start on 1 January: (code prefix, first month). Never rolled up.
SHIFTED_YEARS = {"financial_year": ("FY", 4), "academic_year": ("AY", 9), "schadejaar": ("SJ", 11)}
PERIOD_TYPES = (*PERIODICITIES, "window", *SHIFTED_YEARS)
MONTHS = {"year": 12, "half_year": 6, "quarter": 3, "month": 1}
_PATTERN = re.compile(r"^(\d{4})(?:-(H[12]|Q[1-4]|\d{2}))?$")
_WINDOW = re.compile(r"^(\d{4})/(\d{4})$")
_CBS = re.compile(r"^(\d{4})(JJ|HJ|KW|MM)(\d{2})$")
_SHIFTED = re.compile(r"^(FY|AY|SJ)(\d{4})/(\d{2})$")
_SHIFTED_TYPE = {prefix: (kind, month) for kind, (prefix, month) in SHIFTED_YEARS.items()}


@dataclass(frozen=True)
class Period:
    code: str
    type: str  # year | half_year | quarter | month | window | a SHIFTED_YEARS type
    year: int
    first_month: int  # 1-12, first month covered in `year`
    months: int  # number of months covered

    @property
    def start(self) -> date:
        return date(self.year, self.first_month, 1)

    @property
    def end(self) -> date:
        last = self.year * 12 + self.first_month - 1 + self.months - 1
        y, m = divmod(last, 12)
        return date(y, m + 1, calendar.monthrange(y, m + 1)[1])


@lru_cache(maxsize=65536)
def parse_period(code: str) -> Period:
    """Parse a Koers period code; raises PeriodError naming the code."""
    shifted = _SHIFTED.match(code)
    if shifted:
        prefix, first = shifted.group(1), int(shifted.group(2))
        if (first + 1) % 100 != int(shifted.group(3)):
            raise PeriodError(f"{code!r}: the second year must follow the first", period=code)
        kind, month = _SHIFTED_TYPE[prefix]
        return Period(code, kind, first, month, 12)
    window = _WINDOW.match(code)
    if window:
        first, last = int(window.group(1)), int(window.group(2))
        if last < first:
            raise PeriodError(f"window {code!r} ends before it starts", period=code)
        return Period(code, "window", first, 1, 12 * (last - first + 1))
    match = _PATTERN.match(code)
    if not match:
        raise PeriodError(f"unknown period code {code!r}", period=code)
    year, part = int(match.group(1)), match.group(2)
    if part is None:
        return Period(code, "year", year, 1, 12)
    if part[0] == "H":
        return Period(code, "half_year", year, 1 + 6 * (int(part[1]) - 1), 6)
    if part[0] == "Q":
        return Period(code, "quarter", year, 1 + 3 * (int(part[1]) - 1), 3)
    month = int(part)
    if not 1 <= month <= 12:
        raise PeriodError(f"month out of range in {code!r}", period=code)
    return Period(code, "month", year, month, 1)


def shifted_year_code(kind: str, first_year: int) -> str:
    """`shifted_year_code("financial_year", 2019)` -> `FY2019/20`."""
    if kind not in SHIFTED_YEARS:
        raise PeriodError(f"unknown period type {kind!r}", periodicity=kind)
    return f"{SHIFTED_YEARS[kind][0]}{first_year}/{(first_year + 1) % 100:02d}"


def period_label(code: str) -> str:
    """The period as sources publish it: `FY2019/20` -> `2019/20`, `2013/2016` -> `2013/16`.

    The label can be ambiguous (a financial year and a two-year window look alike); the
    code never is, so keys and links use the code and pages show the label.
    """
    p = parse_period(code)
    if p.type in SHIFTED_YEARS:
        return code[2:]
    if p.type == "window":
        first, last = code.split("/")
        same_century = first[:2] == last[:2]
        return f"{first}/{last[2:]}" if same_century and last != first else code
    return code


def cbs_period(code: str) -> str:
    """CBS codes to Koers codes: `2003JJ00` -> `2003`, `2021HJ01` -> `2021-H1`,
    `2023KW04` -> `2023-Q4`, `2023MM03` -> `2023-03`."""
    match = _CBS.match(code.strip())
    if not match:
        raise PeriodError(f"unknown CBS period code {code!r}", period=code)
    year, kind, num = match.group(1), match.group(2), int(match.group(3))
    if kind == "JJ":
        return year
    if kind == "HJ":
        return f"{year}-H{num}"
    if kind == "KW":
        return f"{year}-Q{num}"
    return f"{year}-{num:02d}"


def window_code(first_year: int, last_year: int) -> str:
    code = f"{first_year}/{last_year}"
    parse_period(code)
    return code


def period_for(periodicity: str, year: int, first_month: int) -> str:
    """Code of the period of this periodicity that contains the given month."""
    if periodicity == "year":
        return f"{year}"
    if periodicity == "half_year":
        return f"{year}-H{(first_month - 1) // 6 + 1}"
    if periodicity == "quarter":
        return f"{year}-Q{(first_month - 1) // 3 + 1}"
    if periodicity == "month":
        return f"{year}-{first_month:02d}"
    raise PeriodError(f"unknown periodicity {periodicity!r}", periodicity=periodicity)


def next_level(code: str) -> str | None:
    """The period one step up the month -> quarter -> half_year -> year ladder."""
    p = parse_period(code)
    up = {"month": "quarter", "quarter": "half_year", "half_year": "year"}.get(p.type)
    return period_for(up, p.year, p.first_month) if up else None


def _ordinal(periodicity: str, year: int, month: int) -> int:
    per_year = 12 // MONTHS[periodicity]
    return year * per_year + (month - 1) // MONTHS[periodicity]


def _from_ordinal(periodicity: str, ordinal: int) -> str:
    per_year = 12 // MONTHS[periodicity]
    year, idx = divmod(ordinal, per_year)
    return period_for(periodicity, year, 1 + idx * MONTHS[periodicity])


def expected_periods(periodicity: str, start: int | str, end: int | str) -> list[str]:
    """Every period of `periodicity` from `start` to `end` inclusive (years or period codes).

    A financial, academic or damage year belongs to the span when it starts in it:
    `expected_periods("financial_year", 2023, 2024)` -> `FY2023/24`, `FY2024/25`.
    """
    first = parse_period(str(start))
    last = parse_period(str(end))
    if periodicity in SHIFTED_YEARS:
        return _shifted_years(periodicity, first, last)
    if periodicity not in MONTHS:
        raise PeriodError(f"unknown periodicity {periodicity!r}", periodicity=periodicity)
    last_month = last.year * 12 + last.first_month - 1 + last.months - 1
    lo = _ordinal(periodicity, first.year, first.first_month)
    hi = _ordinal(periodicity, last_month // 12, last_month % 12 + 1)
    return [_from_ordinal(periodicity, o) for o in range(lo, hi + 1)]


def _shifted_years(kind: str, first: Period, last: Period) -> list[str]:
    """The years of `kind` that start between the start of `first` and the end of `last`."""
    month = SHIFTED_YEARS[kind][1]
    years = range(first.year, last.end.year + 1)
    return [
        shifted_year_code(kind, year)
        for year in years
        if first.start <= date(year, month, 1) <= last.end
    ]


def base_periods_in(code: str, periodicity: str) -> list[str]:
    """The periods of `periodicity` that make up `code` (empty if `code` is finer)."""
    p = parse_period(code)
    if p.type in SHIFTED_YEARS or periodicity not in MONTHS or p.months < MONTHS[periodicity]:
        return []  # a shifted year is never made of calendar periods
    first = p.year * 12 + p.first_month - 1
    last = first + p.months - 1
    return expected_periods(
        periodicity,
        period_for("month", first // 12, first % 12 + 1),
        period_for("month", last // 12, last % 12 + 1),
    )
