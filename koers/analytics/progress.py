"""Progress towards each target: status, value and forecast, from the materialised figures."""

from __future__ import annotations

import pyarrow.compute as pc

from koers.analytics.store import aggregates
from koers.engine.progress import forecast, measure
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
    values = dict(series)
    result = {
        "target": target.pk,
        "indicator": target.indicator.code,
        "area": target.area.code,
        "baseline_year": target.baseline_year,
        "baseline_value": values.get(target.baseline_year),
        "target_value": target.target_value,
        "target_year": target.target_year,
        "direction": target.direction,
        "current_year": None,
        "current_value": None,
        "value": None,
        "status": "not_available",
        "forecast": None,
    }
    later = [(year, value) for year, value in series if year > target.baseline_year]
    if result["baseline_value"] is None or not later:
        return result
    current_year, current_value = later[-1]
    progress = measure(
        result["baseline_value"], target.baseline_year, current_value, current_year,
        target=target.target_value, target_year=target.target_year,
        direction=target.direction, sign=target.sign,
    )  # fmt: skip
    result.update(
        current_year=current_year,
        current_value=current_value,
        value=progress.value,
        status=progress.status,
    )
    used = [(y, v) for y, v in series if y >= target.baseline_year]
    if len(used) >= 2:
        expected = forecast(used, target.target_year)
        result["forecast"] = {
            "year": target.target_year,
            "value": expected.value,
            "low": expected.low,
            "high": expected.high,
        }
    return result
