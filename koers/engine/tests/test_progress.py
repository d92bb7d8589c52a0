"""Progress towards targets, checked against every series Statistics Canada published."""

from __future__ import annotations

import math

import pytest
import yaml

from koers.engine import forecast, measure
from koers.engine.progress import NOT_AVAILABLE, TARGET_ACHIEVED, limit_coefficient


def published_series(shared_data):
    """(name, series dict) for every series in the examples file."""
    data = yaml.safe_load((shared_data / "sdg" / "canada_progress_examples.yml").read_text())
    out = []
    for block in data.values():
        for name, series in block.items():
            if isinstance(series, dict):
                out.append((name, series))
    return data, out


def _measure(s: dict):
    return measure(
        s["base_value"],
        s["base_year"],
        s["current_value"],
        s["current_year"],
        target=s["target"],
        target_year=s["target_year"] if s["target"] is not None else None,
        direction=s["direction"],
        sign=s["sign"],
        limit=s["limit"],
    )


def test_every_published_progress_value_is_reproduced(shared_data):
    data, series = published_series(shared_data)
    assert len(series) == 23
    # 7-1-1 is published without any series (progress_status ''), so there is nothing to compute
    assert [k for k, v in data.items() if not any(isinstance(x, dict) for x in v.values())] == [
        "7-1-1"
    ]
    for name, s in series:
        assert _measure(s).value == pytest.approx(s["progress_value"], abs=1e-9, rel=0), name


def test_every_published_status_is_reproduced_with_and_without_target(shared_data):
    _, series = published_series(shared_data)
    assert sum(1 for _, s in series if s["target"] is not None) == 5
    for name, s in series:
        assert _measure(s).status == s["status"], name


def test_target_on_the_worse_side_flips_the_sign():
    # "keep it below 10": rising from 7.8 to 13.5 is bad even though it grows towards 10
    p = measure(7.8, 2016, 13.5, 2025, target=10.0, target_year=2028, direction=-1)
    assert p.value < 0 and p.status == "deterioration"


def test_target_achieved_wins_over_the_ratio():
    p = measure(8.1, 2015, 6.8, 2024, target=8.0, target_year=2025, direction=-1)
    assert p.status == TARGET_ACHIEVED and p.value > 1


def test_without_a_limit_thresholds_are_1_5_and_0_5_percent():
    assert measure(100, 2015, 100 * 1.016**5, 2020).status == "substantial_progress"
    assert measure(100, 2015, 100 * 1.01**5, 2020).status == "moderate_progress"
    assert measure(100, 2015, 100 * 1.001**5, 2020).status == "limited_progress"
    assert measure(100, 2015, 99, 2020).status == "deterioration"
    assert measure(100, 2015, 99, 2020, direction=-1).status == "limited_progress"


def test_near_a_natural_limit_thresholds_shrink():
    assert limit_coefficient(97.4, 100) == pytest.approx(1 - 0.974**4.44)
    assert limit_coefficient(250, 100) == 1.0
    assert measure(97.4, 2015, 99.7, 2022, limit=100).status == "substantial_progress"
    assert measure(97.4, 2015, 99.7, 2022).status == "limited_progress"


def test_degenerate_inputs_are_not_available_instead_of_errors():
    assert measure(5, 2020, 6, 2020).status == NOT_AVAILABLE
    assert measure(5, 2015, -1, 2020).status == NOT_AVAILABLE
    assert measure(5, 2015, 6, 2020, target=5, target_year=2030).value is None
    with pytest.raises(ValueError):
        measure(5, 2015, 6, 2020, target=7)


def test_forecast_is_a_least_squares_line_with_a_prediction_interval():
    points = [(2015, 10.0), (2016, 12.0), (2017, 13.0), (2018, 15.5), (2019, 16.5)]
    f = forecast(points, 2030)
    # slope 1.65, intercept at x=2017: 13.4; s^2 = 0.1583 over 3 df; t(0.975, 3) = 3.182446
    assert f.value == pytest.approx(13.4 + 1.65 * 13)
    half = 3.182446305 * math.sqrt(0.475 / 3) * math.sqrt(1 + 1 / 5 + 13**2 / 10)
    assert (f.low, f.high) == (pytest.approx(f.value - half), pytest.approx(f.value + half))
    assert f.year == 2030


def test_forecast_with_two_points_has_no_interval_and_one_point_is_refused():
    f = forecast([(2020, 1.0), (2022, 3.0)], 2030)
    assert (f.value, f.low, f.high) == (11.0, None, None)
    with pytest.raises(ValueError):
        forecast([(2020, 1.0)], 2030)
    with pytest.raises(ValueError):
        forecast([(2020, 1.0), (2020, 2.0)], 2030)


def test_wider_level_gives_a_wider_interval():
    points = [(2015 + i, v) for i, v in enumerate([3.0, 3.5, 3.2, 4.1, 4.4, 4.3])]
    narrow, wide = forecast(points, 2030, level=0.8), forecast(points, 2030, level=0.99)
    assert wide.high - wide.low > narrow.high - narrow.low
