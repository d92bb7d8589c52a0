"""Working days under the Algemene termijnenwet: no weekends, no recognised holidays.

Art. 3(1) Atw names New Year's Day, Easter and Whit Monday, both Christmas days, Ascension
Day, King's Day and 5 May (every year); art. 3(2) adds Good Friday. The ``holidays``
library gives exactly these as the Dutch "public" days plus the "optional" 5 May of
non-lustrum years. Days equated by royal decree under art. 3(3) (such as the Friday after
Ascension Day) are not in it: a claim whose deadline turns on such a day is a person's call.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _holidays(year: int) -> frozenset[date]:
    days = holidays.country_holidays("NL", years=year, categories=("public", "optional"))
    return frozenset(days)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year)


def working_days_after(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when end <= start)."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += is_working_day(day)
    return count


def deadline(start: date, working_days: int) -> date:
    """The last day of a term of ``working_days`` working days that starts after ``start``."""
    day, left = start, working_days
    while left:
        day += timedelta(days=1)
        left -= is_working_day(day)
    return day
