"""Progress towards targets (compound annual growth, Statistics Canada / Open SDG method)
and a linear-trend forecast with a prediction interval.

With a target: value = sign x observed CAGR / required CAGR, flipped when the target lies
on the worse side of the baseline, so a positive value always means the good direction.
Without a target: value = sign x direction x observed CAGR, judged against fixed growth
thresholds (1.5 % / 0.5 % / 0), scaled down near a natural `limit`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from koers.engine.tdist import t_ppf

TARGET_ACHIEVED = "target_achieved"
SUBSTANTIAL = "substantial_progress"
MODERATE = "moderate_progress"
LIMITED = "limited_progress"
DETERIORATION = "deterioration"
NOT_AVAILABLE = "not_available"

WITH_TARGET = (0.95, 0.6, 0.0)  # ratio of observed to required growth
WITHOUT_TARGET = (0.015, 0.005, 0.0)  # observed growth per year
LIMIT_EXPONENT = 4.44
ZERO_REPLACEMENT = 0.001  # an exponential model cannot start from or aim at zero


@dataclass(frozen=True)
class Progress:
    value: float | None
    status: str


@dataclass(frozen=True)
class Forecast:
    value: float
    low: float | None
    high: float | None
    year: float


def cagr(current: float, base: float, current_year: float, base_year: float) -> float:
    """Compound annual growth rate between two observations."""
    return (current / base) ** (1.0 / (current_year - base_year)) - 1.0


def limit_coefficient(base_value: float, limit: float) -> float:
    """Factor in [0, 1] that shrinks positive thresholds when the base is near the limit."""
    base, lim = abs(base_value), abs(limit)
    if base >= 2 * lim:
        return 1.0
    if base <= lim:
        return 1.0 - (base / lim) ** LIMIT_EXPONENT
    return 1.0 - ((2 * lim - base) / lim) ** LIMIT_EXPONENT


def _status(value: float, thresholds: Sequence[float]) -> str:
    high, med, low = thresholds
    if value >= high:
        return SUBSTANTIAL
    if value >= med:
        return MODERATE
    if value >= low:
        return LIMITED
    return DETERIORATION


def measure(
    base_value: float,
    base_year: float,
    current_value: float,
    current_year: float,
    *,
    target: float | None = None,
    target_year: float | None = None,
    direction: int = 1,
    sign: int = 1,
    limit: float | None = None,
) -> Progress:
    """Progress value and status; `limit` is the natural bound in the good direction
    (a maximum when direction is 1), used only without a target."""
    if direction not in (1, -1) or sign not in (1, -1):
        raise ValueError("direction and sign must be 1 or -1")
    if target is not None and target_year is None:
        raise ValueError("a target needs a target_year")
    if current_year <= base_year:
        return Progress(None, NOT_AVAILABLE)
    base = ZERO_REPLACEMENT if base_value == 0 else base_value
    if (base > 0) != (current_value > 0) and current_value != 0:
        return Progress(None, NOT_AVAILABLE)
    observed = cagr(current_value, base, current_year, base_year)

    if target is None:
        value = sign * direction * observed
        thresholds = WITHOUT_TARGET
        if limit is not None:
            coeff = limit_coefficient(base, limit)
            thresholds = tuple(t * coeff for t in WITHOUT_TARGET)
        return Progress(value, _status(value, thresholds))

    goal = ZERO_REPLACEMENT if target == 0 else target
    achieved = current_value >= target if direction == 1 else current_value <= target
    required = cagr(goal, base, target_year, base_year)
    if required == 0:
        return Progress(None, TARGET_ACHIEVED if achieved else NOT_AVAILABLE)
    value = sign * observed / required
    if (required > 0) != (direction > 0):
        value = -value  # target on the worse side of the baseline
    return Progress(value, TARGET_ACHIEVED if achieved else _status(value, WITH_TARGET))


def forecast(
    points: Sequence[tuple[float, float]], target_year: float, *, level: float = 0.95
) -> Forecast:
    """Least-squares linear trend at `target_year`, with a `level` prediction interval.

    Two points give the line but no interval (low and high are None).
    """
    pts = [(float(x), float(y)) for x, y in points if y is not None and not math.isnan(y)]
    n = len(pts)
    if n < 2:
        raise ValueError("a forecast needs at least two points")
    if not 0 < level < 1:
        raise ValueError("level must be between 0 and 1")
    mean_x = sum(x for x, _ in pts) / n
    mean_y = sum(y for _, y in pts) / n
    sxx = sum((x - mean_x) ** 2 for x, _ in pts)
    if sxx == 0:
        raise ValueError("a forecast needs points in at least two different years")
    slope = sum((x - mean_x) * (y - mean_y) for x, y in pts) / sxx
    intercept = mean_y - slope * mean_x
    value = intercept + slope * target_year
    if n == 2:
        return Forecast(value, None, None, target_year)
    sse = sum((y - (intercept + slope * x)) ** 2 for x, y in pts)
    s = math.sqrt(sse / (n - 2))
    half = (
        t_ppf((1 + level) / 2, n - 2) * s * math.sqrt(1 + 1 / n + (target_year - mean_x) ** 2 / sxx)
    )
    return Forecast(value, value - half, value + half, target_year)


#: statuses that say "on track" and "off track": each must agree with the forecast
ON_TRACK = (SUBSTANTIAL,)
OFF_TRACK = (LIMITED, DETERIORATION)


def reaches(value: float, target: float, *, direction: int) -> bool:
    """Whether `value` meets `target` in the good direction; exactly on target counts."""
    return value >= target if direction == 1 else value <= target


def agree(status: str, *, forecast_value: float | None, target: float, direction: int) -> str:
    """The status made to agree with the forecast (docs/progress.md, rule 3).

    "On track" needs a forecast that reaches the target, "off track" one that misses it;
    where growth and forecast disagree the status is the middle one, moderate progress.
    """
    if forecast_value is None or status not in (*ON_TRACK, *OFF_TRACK):
        return status
    if reaches(forecast_value, target, direction=direction) == (status in ON_TRACK):
        return status
    return MODERATE


@dataclass(frozen=True)
class Judgement:
    """Progress towards one target as pages show it: status, value and forecast agree."""

    status: str
    value: float | None
    current_year: float | None
    current_value: float | None
    forecast: Forecast | None
    forecast_reaches: bool | None
    deadline_passed: bool


def judge(
    series: Sequence[tuple[float, float]],
    *,
    baseline_year: float,
    target: float | None,
    target_year: float,
    direction: int = 1,
    sign: int = 1,
) -> Judgement:
    """Status, progress value and forecast of one target from its yearly series.

    The rules, in order, are written out in docs/progress.md: measure at the latest year up
    to the target year; no forecast once the target year has data; a missed deadline is at
    best limited progress; status and forecast agree.
    """
    values = dict(series)
    empty = Judgement(NOT_AVAILABLE, None, None, None, None, None, False)
    base = values.get(baseline_year)
    due = [(y, v) for y, v in sorted(values.items()) if baseline_year < y <= target_year]
    if base is None or not due:
        return empty
    current_year, current_value = due[-1]
    passed = max(values) >= target_year
    progress = measure(
        base, baseline_year, current_value, current_year,
        target=target, target_year=target_year, direction=direction, sign=sign,
    )  # fmt: skip
    status = progress.status
    if passed:
        if target is not None and status not in (TARGET_ACHIEVED, *OFF_TRACK):
            status = LIMITED  # the target year is over and the target was not met
        return Judgement(status, progress.value, current_year, current_value, None, None, True)
    expected = forecast([(baseline_year, base), *due], target_year)
    if target is None or expected is None:
        return Judgement(status, progress.value, current_year, current_value, expected, None, False)
    hits = reaches(expected.value, target, direction=direction)
    if status != TARGET_ACHIEVED:
        status = agree(status, forecast_value=expected.value, target=target, direction=direction)
    return Judgement(status, progress.value, current_year, current_value, expected, hits, False)
