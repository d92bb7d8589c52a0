"""Progress towards each target: status, value and forecast, from the materialised figures.

The rule that makes status and forecast agree is engine.progress.judge(); docs/progress.md
writes it out.
"""

from __future__ import annotations

import pyarrow.compute as pc

from koers.analytics.store import aggregates
from koers.engine.progress import judge
from koers.indicators.models import Target

STATUS_LABELS = {
    "target_achieved": "doel bereikt",
    "substantial_progress": "goed op koers",
    "moderate_progress": "redelijk op koers",
    "limited_progress": "beperkte voortgang",
    "deterioration": "verslechtering",
    "not_available": "niet te bepalen",
}


def yearly_series(indicator: str, area: str, breakdown: str = "_T") -> list[tuple[int, float]]:
    """(year, value) for every year with a value, oldest first."""
    table = aggregates(
        indicator, area=area, period_type="year", breakdown=breakdown, value_kind="realisation"
    )
    table = table.filter(pc.invert(pc.is_null(table["value"])))
    points = {
        int(p): v
        for p, v in zip(table["period"].to_pylist(), table["value"].to_pylist(), strict=True)
    }
    return sorted(points.items())


def progress_for(target: Target) -> dict:
    """The status, value and linear forecast of one target (`koers progress`, pages, API)."""
    series = yearly_series(target.indicator.code, target.area.code, target.breakdown)
    judged = judge(
        series,
        baseline_year=target.baseline_year,
        target=target.target_value,
        target_year=target.target_year,
        direction=target.direction,
        sign=target.sign,
    )
    expected = judged.forecast
    return {
        "target": target.pk,
        "indicator": target.indicator.code,
        "area": target.area.code,
        "baseline_year": target.baseline_year,
        "baseline_value": dict(series).get(target.baseline_year),
        "target_value": target.target_value,
        "target_year": target.target_year,
        "direction": target.direction,
        "current_year": judged.current_year,
        "current_value": judged.current_value,
        "value": judged.value,
        "status": judged.status,
        "deadline_passed": judged.deadline_passed,
        "has_data": bool(series),
        "forecast": (
            {
                "year": target.target_year,
                "value": expected.value,
                "low": expected.low,
                "high": expected.high,
                "reaches_target": judged.forecast_reaches,
            }
            if expected
            else None
        ),
    }
