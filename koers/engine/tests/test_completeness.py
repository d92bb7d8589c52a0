"""Expected deliveries (province x indicator x period) against what arrived."""

from __future__ import annotations

from koers.engine import completeness, completeness_summary, expected_periods
from koers.engine.tests.factories import observations, one


def test_expected_versus_present_per_province_indicator_and_period():
    obs = observations(
        ("Wind", "PV20", "2023-Q1", 1.0),
        ("Wind", "PV21", "2023-Q1", None, "_T", "missing"),
        ("Wind", "PV20", "2023-Q2", 2.0),
        ("Wind", "PV22", "2023-Q1", 3.0),
    )
    report = completeness(
        obs,
        areas=["PV20", "PV21"],
        indicators=["Wind"],
        periods=expected_periods("quarter", "2023-Q1", "2023-Q2"),
    )
    assert report.num_rows == 4
    assert one(report, area="PV20", period="2023-Q1")["has_value"] is True
    missing = one(report, area="PV21", period="2023-Q1")
    assert (missing["present"], missing["has_value"], missing["status"]) == (True, False, "missing")
    assert one(report, area="PV21", period="2023-Q2")["present"] is False

    summary = completeness_summary(report).to_pylist()
    assert [(s["period"], s["expected"], s["present"], s["with_value"]) for s in summary] == [
        ("2023-Q1", 2, 2, 1),
        ("2023-Q2", 2, 1, 1),
    ]
    assert summary[0]["missing_areas"] == ["PV21"]
