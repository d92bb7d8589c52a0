"""Years that do not start on 1 January are period types of their own, with start and end."""

from __future__ import annotations

from datetime import date

import pytest

from koers.engine import IndicatorRules, PeriodError, aggregate
from koers.engine.periods import (
    expected_periods,
    parse_period,
    period_label,
    shifted_year_code,
)
from koers.engine.tests.factories import observations, one, provinces_and_nation, rows_by


@pytest.mark.parametrize(
    ("code", "kind", "start", "end", "label"),
    [
        ("FY2019/20", "financial_year", date(2019, 4, 1), date(2020, 3, 31), "2019/20"),
        ("AY2019/20", "academic_year", date(2019, 9, 1), date(2020, 8, 31), "2019/20"),
        ("SJ2019/20", "schadejaar", date(2019, 11, 1), date(2020, 10, 31), "2019/20"),
        ("FY1999/00", "financial_year", date(1999, 4, 1), date(2000, 3, 31), "1999/00"),
        ("2013/2016", "window", date(2013, 1, 1), date(2016, 12, 31), "2013/16"),
        ("1998/2003", "window", date(1998, 1, 1), date(2003, 12, 31), "1998/2003"),
        ("2023-Q4", "quarter", date(2023, 10, 1), date(2023, 12, 31), "2023-Q4"),
    ],
)
def test_each_period_type_has_a_start_an_end_and_its_published_label(code, kind, start, end, label):
    period = parse_period(code)
    assert (period.type, period.start, period.end) == (kind, start, end)
    assert period_label(code) == label


def test_a_shifted_year_code_is_built_from_its_type_and_first_year():
    assert shifted_year_code("schadejaar", 2023) == "SJ2023/24"
    with pytest.raises(PeriodError):
        shifted_year_code("fiscal", 2023)


@pytest.mark.parametrize(
    ("kind", "start", "end", "expected"),
    [
        ("financial_year", 2023, 2024, ["FY2023/24", "FY2024/25"]),
        ("schadejaar", 2023, 2023, ["SJ2023/24"]),
        ("academic_year", "AY2019/20", "2021", ["AY2019/20", "AY2020/21", "AY2021/22"]),
        # a year belongs to the span when it starts in it: AY2023/24 starts before October
        ("academic_year", "2023-10", "2024-08", []),
        ("financial_year", "2020-Q2", "2020-Q2", ["FY2020/21"]),
    ],
)
def test_expected_shifted_years_are_those_that_start_in_the_span(kind, start, end, expected):
    assert expected_periods(kind, start, end) == expected


def test_an_unknown_periodicity_is_refused_by_name():
    with pytest.raises(PeriodError, match="fiscal_year"):
        expected_periods("fiscal_year", 2023, 2024)


@pytest.mark.parametrize("code", ["FY2019/21", "FY2019/2020", "XY2019/20", "FY19/20"])
def test_a_malformed_shifted_year_is_refused_naming_the_code(code):
    with pytest.raises(PeriodError, match=code.replace("/", "/")):
        parse_period(code)


def test_financial_years_add_up_over_areas_but_never_into_calendar_years():
    areas, links = provinces_and_nation()
    obs = observations(
        ("uitgaven", "PV20", "FY2019/20", 10.0),
        ("uitgaven", "PV21", "FY2019/20", 5.0),
        ("uitgaven", "PV20", "FY2020/21", 7.0),
    )
    rules = [IndicatorRules("uitgaven", periodicity="financial_year", time_rule="sum")]
    out = aggregate(obs, areas, links, rules)
    nl = one(out, indicator="uitgaven", area="NL01", period="FY2019/20")
    assert nl["computed_value"] == 15.0
    assert nl["period_type"] == "financial_year"
    calendar = [r for r in out.to_pylist() if r["period_type"] != "financial_year"]
    assert calendar == []


def test_a_financial_year_next_to_calendar_years_is_kept_as_reported_not_mixed_in():
    areas, links = provinces_and_nation()
    obs = observations(
        ("bijdrage", "PV20", "2019-03", 1.0),
        ("bijdrage", "PV20", "2019-04", 2.0),
        ("bijdrage", "PV20", "FY2019/20", 99.0),
    )
    rules = [IndicatorRules("bijdrage", periodicity="month", time_rule="sum")]
    out = aggregate(obs, areas, links, rules)
    fy = one(out, indicator="bijdrage", area="PV20", period="FY2019/20")
    assert (fy["reported_value"], fy["computed_value"]) == (99.0, None)
    q2 = one(out, indicator="bijdrage", area="PV20", period="2019-Q2")
    assert q2["computed_value"] == 2.0  # the 99 never leaks into a calendar period
    assert len(rows_by(out, indicator="bijdrage", area="PV20", period="2019")) == 1
