"""Period codes: canonical codes pass, CBS codes are translated, bad codes are named."""

import pytest

from koers.deliveries.ingest import PeriodCodeError, parse_period, periodicity, previous_period


@pytest.mark.parametrize(
    ("code", "canonical"),
    [
        ("2023JJ00", "2023"),
        ("2023KW04", "2023-Q4"),
        ("2023MM03", "2023-03"),
        ("2021HJ01", "2021-H1"),
        ("2021HJ02", "2021-H2"),
        ("2023", "2023"),
        ("2023-H1", "2023-H1"),
        ("2023-Q4", "2023-Q4"),
        ("2023-03", "2023-03"),
        (" 2024JJ00 ", "2024"),
    ],
)
def test_cbs_and_canonical_codes_become_canonical(code, canonical):
    assert parse_period(code) == canonical


@pytest.mark.parametrize(
    "code",
    [
        "2023KW05",
        "2023MM13",
        "2023MM00",
        "2023HJ03",
        "2023JJ01",
        "2023-Q5",
        "2023-13",
        "23",
        "2023X000",
        "",
        "0223",
        "9999",
        "2023-1",
    ],
)
def test_bad_codes_raise_a_typed_error_naming_the_code(code):
    with pytest.raises(PeriodCodeError) as raised:
        parse_period(code)
    assert raised.value.period == code
    assert raised.value.code == "invalid_period_code"


def test_a_style_restricts_what_is_accepted():
    assert parse_period("2023JJ00", style="cbs") == "2023"
    with pytest.raises(PeriodCodeError):
        parse_period("2023", style="cbs")
    with pytest.raises(PeriodCodeError):
        parse_period("2023JJ00", style="canonical")


@pytest.mark.parametrize(
    ("period", "kind", "previous"),
    [
        ("2023", "year", "2022"),
        ("2023-H1", "half_year", "2022-H2"),
        ("2023-H2", "half_year", "2023-H1"),
        ("2023-Q1", "quarter", "2022-Q4"),
        ("2023-Q3", "quarter", "2023-Q2"),
        ("2023-01", "month", "2022-12"),
        ("2023-10", "month", "2023-09"),
    ],
)
def test_periodicity_and_previous_period(period, kind, previous):
    assert periodicity(period) == kind
    assert previous_period(period) == previous
