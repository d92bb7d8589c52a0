from __future__ import annotations

from datetime import date

import pytest

from koers.engine import PeriodError, cbs_period, expected_periods, parse_period, window_code
from koers.engine.periods import base_periods_in, next_level


@pytest.mark.parametrize(
    ("cbs", "code"),
    [
        ("2003JJ00", "2003"),
        ("2021HJ01", "2021-H1"),
        ("2023KW04", "2023-Q4"),
        ("2023MM03", "2023-03"),
    ],
)
def test_cbs_codes_are_parsed(cbs, code):
    assert cbs_period(cbs) == code


@pytest.mark.parametrize(
    ("code", "kind", "end"),
    [
        ("2023", "year", date(2023, 12, 31)),
        ("2023-H1", "half_year", date(2023, 6, 30)),
        ("2023-Q4", "quarter", date(2023, 12, 31)),
        ("2024-02", "month", date(2024, 2, 29)),
        ("2015/2020", "window", date(2020, 12, 31)),
    ],
)
def test_period_types_and_end_dates(code, kind, end):
    assert parse_period(code).type == kind
    assert parse_period(code).end == end


@pytest.mark.parametrize("code", ["2023-13", "2023-Q5", "23", "2020/2019", "2023JJ00", "2023-h1"])
def test_bad_codes_raise_with_the_code(code):
    with pytest.raises(PeriodError, match="2"):
        parse_period(code)


def test_ladder_month_quarter_half_year():
    assert next_level("2023-05") == "2023-Q2"
    assert next_level("2023-Q3") == "2023-H2"
    assert next_level("2023-H2") == "2023"
    assert next_level("2023") is None


def test_expected_periods_from_years_or_codes():
    assert expected_periods("quarter", 2022, 2022) == ["2022-Q1", "2022-Q2", "2022-Q3", "2022-Q4"]
    assert expected_periods("month", "2023-Q4", "2024-01") == [
        "2023-10",
        "2023-11",
        "2023-12",
        "2024-01",
    ]
    assert expected_periods("year", 2015, 2020) == [str(y) for y in range(2015, 2021)]
    assert len(expected_periods("half_year", "2019", "2020")) == 4


def test_windows_are_written_with_a_slash():
    assert window_code(2015, 2020) == "2015/2020"
    assert base_periods_in("2015/2020", "year") == [str(y) for y in range(2015, 2021)]
    assert base_periods_in("2020-H2", "month")[-1] == "2020-12"
    assert base_periods_in("2020-03", "year") == []
