"""Expected deliveries (indicator × province × period) against what has arrived."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.cache import cache
from django.db.models import Count
from django.utils import timezone

from koers.areas.queries import dutch_provinces
from koers.config import config
from koers.deliveries.models import Delivery, Observation
from koers.deliveries.obligations import province_indicators
from koers.deliveries.query import visible_provinces
from koers.engine.periods import expected_periods, parse_period

#: delivery status → completeness state, best first
STATE_RANK = {"published": "approved", "approved": "approved", "submitted": "received",
              "validated": "received"}  # fmt: skip
ORDER = ["approved", "received"]


def _periods(periodicity: str, start_year: int, today: date) -> list[str]:
    """Periods from the programme's start whose end has passed."""
    periods = expected_periods(periodicity, start_year, today.year)
    return [p for p in periods if parse_period(p).end < today]


def completeness_rows(*, indicator: str | None = None, today: date | None = None) -> list[dict]:
    """One row per expected delivery with its state: approved, received, late or expected.

    Counting observations is a scan of the whole table, so the answer is kept per process
    until the data version moves on.
    """
    from koers.analytics.freshness import data_version

    today = today or timezone.localdate()
    key = f"koers-completeness:{indicator}:{today.isoformat()}:{data_version()}"
    rows = cache.get(key)
    if rows is None:
        rows = _completeness_rows(indicator=indicator, today=today)
        cache.set(key, rows, 600)
    return rows


def completeness_for(
    user, *, indicator: str | None = None, today: date | None = None
) -> list[dict]:
    """The rows of the provinces whose deliveries ``user`` may see (see query.py)."""
    rows = completeness_rows(indicator=indicator, today=today)
    provinces = visible_provinces(user)
    if provinces is None:
        return rows
    return [row for row in rows if row["province"] in provinces]


def _completeness_rows(*, indicator: str | None, today: date) -> list[dict]:
    from koers.programme.models import Programme

    lag = timedelta(days=config("KOERS_DELIVERY_LAG_DAYS"))
    start = Programme.objects.values_list("period_start", flat=True).first() or today.year
    provinces = list(dutch_provinces())
    indicators = province_indicators()  # never late for a series CBS or another holder delivers
    if indicator:
        indicators = indicators.filter(code=indicator)
    wanted = list(indicators)
    # Grouped on ids without joins: one pass over the observations; names are mapped after.
    present = (
        Observation.objects.filter(
            indicator__in=wanted, area__in=provinces, value_kind="realisation"
        )
        .values_list("indicator_id", "area_id", "period", "delivery_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    status_of = dict(Delivery.objects.values_list("pk", "status"))
    indicator_code = {i.pk: i.code for i in wanted}
    area_code = {p.pk: p.code for p in provinces}
    best: dict[tuple[str, str, str], str] = {}
    for indicator_id, area_id, period, delivery_id, _ in present:
        state = STATE_RANK.get(status_of[delivery_id])
        key = (indicator_code[indicator_id], area_code[area_id], period)
        if state and (key not in best or ORDER.index(state) < ORDER.index(best[key])):
            best[key] = state
    rows = []
    for ind in wanted:
        for period in _periods(ind.periodicity, start, today):
            due = parse_period(period).end + lag
            for province in provinces:
                state = best.get((ind.code, province.code, period))
                if state is None:
                    state = "late" if today > due else "expected"
                rows.append(
                    {
                        "indicator": ind.code,
                        "province": province.code,
                        "period": period,
                        "due": due.isoformat(),
                        "state": state,
                    }
                )
    return rows
