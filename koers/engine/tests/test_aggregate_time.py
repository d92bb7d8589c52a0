"""Aggregation over time: month -> quarter -> half-year -> year, and multi-year windows."""

from __future__ import annotations

import pytest

from koers.engine import IndicatorRules, aggregate, expected_periods
from koers.engine.tests.factories import areas, links, observations, one, rows_by

AREAS = areas(PV25="provincie", G1="gebied", G2="gebied")
LINKS = links(("G1", "PV25"), ("G2", "PV25"))
MONTHS = expected_periods("month", 2023, 2023)


def monthly(rule: IndicatorRules, values: dict[str, float | None], area: str = "G1", **kw):
    rows = [(rule.code, area, m, v) for m, v in values.items()]
    return aggregate(observations(*rows), AREAS, LINKS, [rule], **kw)


def test_flows_sum_up_the_ladder():
    rule = IndicatorRules("Flow", time_rule="sum", periodicity="month")
    agg = monthly(rule, {m: float(i) for i, m in enumerate(MONTHS, start=1)})
    assert one(agg, area="G1", period="2023-Q1")["value"] == 1 + 2 + 3
    assert one(agg, area="G1", period="2023-H2")["value"] == sum(range(7, 13))
    year = one(agg, area="G1", period="2023")
    assert (year["value"], year["coverage_count"], year["coverage_expected"]) == (78, 12, 12)
    assert year["period_type"] == "year" and year["status"] == "ok"


def test_stocks_take_the_last_period():
    rule = IndicatorRules("Stock", time_rule="last", periodicity="month")
    agg = monthly(rule, {m: float(i) for i, m in enumerate(MONTHS, start=1)})
    assert one(agg, area="G1", period="2023-Q2")["value"] == 6
    assert one(agg, area="G1", period="2023-H1")["value"] == 6
    assert one(agg, area="G1", period="2023")["value"] == 12


def test_a_missing_last_value_gives_a_missing_aggregate_not_the_previous_value():
    rule = IndicatorRules("Stock", time_rule="last", periodicity="month")
    values = {m: float(i) for i, m in enumerate(MONTHS, start=1)}
    values["2023-12"] = None
    agg = monthly(rule, values)
    year = one(agg, area="G1", period="2023")
    assert year["value"] is None and year["status"] == "missing"
    assert year["missing_reason"] == "value for last period 2023-12 missing"
    q4 = one(agg, area="G1", period="2023-Q4")
    assert q4["value"] is None and q4["coverage_count"] == 2
    assert one(agg, area="G1", period="2023-Q3")["value"] == 9


def test_a_last_period_without_any_row_is_also_missing():
    rule = IndicatorRules("Stock", time_rule="last", periodicity="quarter")
    agg = aggregate(
        observations(
            ("Stock", "G1", "2023-Q1", 5.0),
            ("Stock", "G1", "2023-Q2", 6.0),
            ("Stock", "G1", "2023-Q3", 7.0),
        ),
        AREAS,
        LINKS,
        [rule],
    )
    year = one(agg, area="G1", period="2023")
    assert (
        year["value"] is None and year["missing_reason"] == "value for last period 2023-Q4 missing"
    )
    assert one(agg, area="G1", period="2023-H1")["value"] == 6.0


def test_mean_is_over_all_base_periods_present():
    rule = IndicatorRules("Rate", area_rule="none", time_rule="mean", periodicity="month")
    values = dict.fromkeys(MONTHS, 1.0)
    values["2023-01"] = 13.0
    values["2023-02"] = None
    agg = monthly(rule, values)
    year = one(agg, area="G1", period="2023")
    assert year["value"] == pytest.approx((13 + 10 * 1) / 11)
    assert (year["coverage_count"], year["coverage_expected"], year["status"]) == (
        11,
        12,
        "partial",
    )


def test_parents_are_rolled_up_over_time_from_their_own_monthly_values():
    rule = IndicatorRules("Flow", time_rule="sum", periodicity="month")
    rows = [
        ("Flow", a, m, 1.0)
        for a in ("G1", "G2")
        for m in MONTHS
        if not (a == "G2" and m == "2023-05")
    ]
    agg = aggregate(observations(*rows), AREAS, LINKS, [rule])
    q2 = one(agg, area="PV25", period="2023-Q2")
    assert q2["value"] == 5.0 and q2["partial"] is True and q2["status"] == "partial"
    assert one(agg, area="PV25", period="2023-Q3")["status"] == "ok"


def test_windows_over_years():
    rule = IndicatorRules("Flow", time_rule="sum", periodicity="year")
    rows = [("Flow", "G1", str(y), float(y - 2014)) for y in range(2015, 2021)]
    agg = aggregate(observations(*rows), AREAS, LINKS, [rule], windows=[(2015, 2020), (2019, 2021)])
    w = one(agg, area="G1", period="2015/2020")
    assert (w["value"], w["period_type"], w["coverage_count"]) == (21.0, "window", 6)
    partial = one(agg, area="G1", period="2019/2021")
    assert (partial["value"], partial["coverage_count"], partial["coverage_expected"]) == (
        11.0,
        2,
        3,
    )


def test_windows_from_monthly_data_count_months():
    rule = IndicatorRules("Flow", time_rule="sum", periodicity="month")
    agg = monthly(rule, dict.fromkeys(MONTHS, 1.0), windows=[(2023, 2024)])
    w = one(agg, area="G1", period="2023/2024")
    assert (w["value"], w["coverage_count"], w["coverage_expected"]) == (12.0, 12, 24)


def test_a_reported_yearly_value_is_reconciled_with_the_months():
    rule = IndicatorRules("Flow", time_rule="sum", periodicity="month", decimals=0)
    rows = [("Flow", "G1", m, 1.0) for m in MONTHS] + [("Flow", "G1", "2023", 13.0)]
    agg = aggregate(observations(*rows), AREAS, LINKS, [rule])
    year = one(agg, area="G1", period="2023")
    assert (year["reported_value"], year["computed_value"], year["difference"]) == (
        13.0,
        12.0,
        -1.0,
    )
    assert year["tolerance"] == 6.0 and year["within_tolerance"] is True and year["value"] == 13.0


def test_time_rule_none_is_never_rolled_up():
    rule = IndicatorRules("Index", area_rule="none", time_rule="none", periodicity="month")
    agg = monthly(rule, dict.fromkeys(MONTHS, 100.0))
    assert {r["period_type"] for r in rows_by(agg, area="G1")} == {"month"}
