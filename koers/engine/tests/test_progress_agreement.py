"""Status and forecast never contradict each other (docs/progress.md, the rules in order)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from koers.engine.progress import (
    DETERIORATION,
    LIMITED,
    MODERATE,
    NOT_AVAILABLE,
    SUBSTANTIAL,
    TARGET_ACHIEVED,
    judge,
    measure,
    reaches,
)

# 5,000 in 2020 rising by exactly 500 a year: the linear forecast for 2030 is 10,000.
RISING = [(2020, 5000.0), (2021, 5500.0), (2022, 6000.0), (2023, 6500.0), (2024, 7000.0)]


def test_a_forecast_exactly_on_target_is_on_track():
    judged = judge(RISING, baseline_year=2020, target=10000, target_year=2030)
    assert judged.forecast.value == 10000
    assert judged.forecast_reaches is True
    assert judged.status == SUBSTANTIAL


def test_a_forecast_just_below_target_is_never_goed_op_koers():
    # The growth ratio alone says "substantial" (observed growth 1.2x the required one) ...
    judged = judge(RISING, baseline_year=2020, target=10001, target_year=2030)
    assert judged.value > 0.95
    # ... but the trend ends 1 below the target, so the status says so.
    assert judged.forecast_reaches is False
    assert judged.status == MODERATE


def test_the_issue_example_a_forecast_of_9566_against_10000_is_not_goed_op_koers():
    series = [(2015, 5000.0), (2020, 7000.0), (2024, 7600.0)]
    # Growth alone (the Open SDG method) says "goed op koers" ...
    alone = measure(5000, 2015, 7600, 2024, target=10000, target_year=2030)
    assert alone.status == SUBSTANTIAL
    # ... beside a forecast that falls short: the status now says so.
    judged = judge(series, baseline_year=2015, target=10000, target_year=2030)
    assert 9500 < judged.forecast.value < 10000
    assert judged.status == MODERATE


def test_off_track_with_a_forecast_that_reaches_the_target_is_moderate():
    # A dip in the latest year: growth since 2020 is small (limited), the trend still reaches.
    series = [(2020, 5000.0), (2021, 9000.0), (2022, 11000.0), (2023, 12000.0), (2024, 5400.0)]
    judged = judge(series, baseline_year=2020, target=10000, target_year=2030)
    assert judged.forecast_reaches is True
    assert judged.status == MODERATE


def test_lower_is_better_reaches_when_the_forecast_is_at_or_below_the_target():
    deaths = [(2010, 640.0), (2011, 620.0), (2012, 600.0), (2013, 580.0), (2014, 560.0)]
    on_track = judge(deaths, baseline_year=2010, target=500, target_year=2020, direction=-1)
    assert on_track.forecast.value == 440 and on_track.forecast_reaches
    assert on_track.status == SUBSTANTIAL
    exactly = judge(deaths, baseline_year=2010, target=440, target_year=2020, direction=-1)
    assert exactly.forecast_reaches is True
    below = judge(deaths, baseline_year=2010, target=439, target_year=2020, direction=-1)
    assert below.forecast_reaches is False and below.status not in (SUBSTANTIAL,)


def test_reaches_counts_exactly_on_target_in_both_directions():
    assert reaches(10, 10, direction=1) and reaches(10, 10, direction=-1)
    assert not reaches(9.999, 10, direction=1) and not reaches(10.001, 10, direction=-1)


def test_no_data_after_the_baseline_means_no_status_and_no_forecast():
    judged = judge([(2020, 5000.0)], baseline_year=2020, target=10000, target_year=2030)
    assert judged.status == NOT_AVAILABLE and judged.forecast is None
    missing_base = judge(RISING, baseline_year=2019, target=10000, target_year=2030)
    assert missing_base.status == NOT_AVAILABLE


def test_after_the_target_year_there_is_no_forecast_and_a_miss_is_not_on_track():
    # 6,000 MW in 2020: reached only in 2022, so the deadline was missed.
    wind = [(2013, 2700.0), (2018, 3400.0), (2020, 4200.0), (2022, 6100.0), (2024, 7000.0)]
    judged = judge(wind, baseline_year=2013, target=6000, target_year=2020)
    assert judged.deadline_passed and judged.forecast is None
    assert judged.current_year == 2020, "measured in the target year, not later"
    assert judged.status in (LIMITED, DETERIORATION)
    met = judge(wind, baseline_year=2013, target=4000, target_year=2020)
    assert met.status == TARGET_ACHIEVED


values = st.floats(min_value=1, max_value=1e6, allow_nan=False, allow_infinity=False)


@given(
    points=st.lists(values, min_size=2, max_size=8),
    target=values,
    direction=st.sampled_from([1, -1]),
)
def test_on_track_always_has_a_forecast_that_reaches_and_off_track_one_that_misses(
    points, target, direction
):
    series = [(2015 + i, v) for i, v in enumerate(points)]
    judged = judge(series, baseline_year=2015, target=target, target_year=2030, direction=direction)
    if judged.forecast is None:
        return
    if judged.status == SUBSTANTIAL:
        assert judged.forecast_reaches
    if judged.status in (LIMITED, DETERIORATION):
        assert not judged.forecast_reaches
