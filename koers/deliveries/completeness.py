"""Expected deliveries (indicator × province × period) against what has arrived."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Count
from django.utils import timezone

from koers.areas.queries import dutch_provinces
from koers.config import config
from koers.deliveries.models import Observation
from koers.engine.periods import expected_periods, parse_period
from koers.indicators.models import Indicator

#: delivery status → completeness state, best first
STATE_RANK = {"published": "approved", "approved": "approved", "submitted": "received",
              "validated": "received"}  # fmt: skip
ORDER = ["approved", "received"]


def _periods(periodicity: str, start_year: int, today: date) -> list[str]:
    """Periods from the programme's start whose end has passed."""
    periods = expected_periods(periodicity, start_year, today.year)
    return [p for p in periods if parse_period(p).end < today]


def completeness_rows(*, indicator: str | None = None, today: date | None = None) -> list[dict]:
    """One row per expected delivery with its state: approved, received, late or expected."""
    from koers.programme.models import Programme

    today = today or timezone.localdate()
    lag = timedelta(days=config("KOERS_DELIVERY_LAG_DAYS"))
    start = Programme.objects.values_list("period_start", flat=True).first() or today.year
    provinces = list(dutch_provinces())
    indicators = Indicator.objects.exclude(status="peer").order_by("code")
    if indicator:
        indicators = indicators.filter(code=indicator)
    present = (
        Observation.objects.filter(area__in=provinces, value_kind="realisation")
        .exclude(delivery__status__in=["rejected", "withdrawn"])
        .values_list("indicator__code", "area__code", "period", "delivery__status")
        .annotate(n=Count("id"))
    )
    best: dict[tuple[str, str, str], str] = {}
    for code, area, period, status, _ in present:
        state = STATE_RANK.get(status)
        key = (code, area, period)
        if state and (key not in best or ORDER.index(state) < ORDER.index(best[key])):
            best[key] = state
    rows = []
    for ind in indicators:
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
