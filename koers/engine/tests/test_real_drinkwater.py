"""Drinking water (CBS 37687wat): months and the year in one table.

The months are observations; the year rows are reported totals over time, reconciled
against the sum of the months exactly like NL01 against the sum of the provinces.
"""

from __future__ import annotations

import pytest

from koers.engine import IndicatorRules, aggregate, reconciliation
from koers.engine.tests.factories import one, provinces_and_nation, rows_by
from koers.engine.tests.realdata import PROVINCES, cbs_observations, read_csv_rows

TOTAL = "TotaalZelfGeproduceerdWater_1"
GROUND = "EigenlijkGrondwater_3"


@pytest.fixture(scope="module")
def drinkwater(shared_data):
    rows = read_csv_rows(shared_data / "tables" / "37687wat_drinkwater.csv")
    for row in rows:
        row["RegioS"] = "NL01" if row["RegioS"] == "NL00" else row["RegioS"]
    return cbs_observations(rows, [TOTAL, GROUND], regions={"NL01", *PROVINCES})


def run(observations, time_rule: str):
    areas, links = provinces_and_nation()
    rules = [
        IndicatorRules(code, periodicity="month", time_rule=time_rule, decimals=3)
        for code in (TOTAL, GROUND)
    ]
    return aggregate(observations, areas, links, rules)


def test_the_year_row_is_a_reported_total_over_time_checked_against_the_months(drinkwater):
    out = run(drinkwater, "sum")
    year = one(out, indicator=TOTAL, area="PV20", period="2000", breakdown="_T")
    months = rows_by(out, indicator=TOTAL, area="PV20", period_type="month")
    month_sum = sum(r["reported_value"] for r in months if r["period"].startswith("2000-"))
    assert len([r for r in months if r["period"].startswith("2000-")]) == 12
    assert year["reported_value"] == pytest.approx(year["computed_value"])
    assert year["computed_value"] == pytest.approx(month_sum)
    assert year["within_tolerance"] is True
    assert (year["coverage_count"], year["coverage_expected"]) == (12, 12)
    assert year["status"] == "ok" and not year["partial"]


def test_the_national_year_reconciles_against_its_months_and_its_provinces(drinkwater):
    out = run(drinkwater, "sum")
    nl = one(out, indicator=TOTAL, area="NL01", period="2000", breakdown="_T")
    # CBS README: the 12 months sum exactly to the year, 1258.869 = 1258.869
    assert nl["reported_value"] == pytest.approx(1258.869)
    assert nl["computed_value"] == pytest.approx(1258.869)
    assert nl["within_tolerance"] is True
    recon = reconciliation(out).to_pylist()
    over_time = [r for r in recon if r["period"] in ("2000", "2001", "2002", "2003")]
    assert len(over_time) == 2 * 4 * 13  # 2 indicators x 4 years x (NL01 + 12 provinces)
    assert all(r["within_tolerance"] for r in over_time)


def test_a_wrong_year_row_shows_as_a_difference_not_as_a_second_value(drinkwater):
    rows = drinkwater.to_pylist()
    for row in rows:
        if (row["indicator"], row["area"], row["period"]) == (TOTAL, "PV20", "2001"):
            row["value"] += 10
    out = run(type(drinkwater).from_pylist(rows, schema=drinkwater.schema), "sum")
    year = one(out, indicator=TOTAL, area="PV20", period="2001", breakdown="_T")
    assert year["difference"] == pytest.approx(-10)
    assert year["within_tolerance"] is False
    assert year["value"] == year["reported_value"]  # the published figure stays the reported one


def test_with_time_rule_none_each_periodicity_is_its_own_series_as_reported(drinkwater):
    out = run(drinkwater, "none")
    year = one(out, indicator=GROUND, area="PV20", period="2002", breakdown="_T")
    assert year["computed_value"] is None
    assert year["reported_value"] is not None
    # reported only: not partial, no "0 of 12"
    assert (year["coverage_count"], year["coverage_expected"]) == (0, 0)
    assert not year["partial"] and year["status"] == "ok"
    assert not rows_by(out, indicator=GROUND, area="PV20", period="2002-Q1")
