"""Onshore wind (CBS 70960ned): provinces add up to NL01; stocks and flows over a window."""

from __future__ import annotations

import pytest

from koers.engine import IndicatorRules, aggregate
from koers.engine.tests.factories import one, provinces_and_nation, rows_by
from koers.engine.tests.realdata import PROVINCES, cbs_observations, read_csv_rows

CAPACITY = "OpgesteldVermogenEindeJaar_9"  # stock, MW at year end
TURBINES = "OpgesteldeWindmolensEindeVanJaar_3"  # stock, count at year end
COMMISSIONED = "InGebruikGenomenWindmolens_1"  # flow, turbines commissioned in the year

RULES = [
    IndicatorRules(CAPACITY, area_rule="sum", time_rule="last", periodicity="year", decimals=0),
    IndicatorRules(TURBINES, area_rule="sum", time_rule="last", periodicity="year", decimals=0),
    IndicatorRules(COMMISSIONED, area_rule="sum", time_rule="sum", periodicity="year", decimals=0),
]


@pytest.fixture(scope="module")
def wind(cbs_dir):
    rows = read_csv_rows(cbs_dir / "70960ned_windenergie_op_land.csv")
    obs = cbs_observations(rows, [CAPACITY, TURBINES, COMMISSIONED], source_file="70960ned.csv")
    areas, links = provinces_and_nation()
    return obs, aggregate(obs, areas, links, RULES, windows=[(2015, 2020)])


@pytest.mark.parametrize("indicator", [CAPACITY, TURBINES])
def test_national_stock_computed_from_provinces_matches_reported_nl01_every_year_from_2003(
    wind, indicator
):
    _, agg = wind
    for year in range(2003, 2025):
        row = one(agg, indicator=indicator, area="NL01", period=str(year))
        assert row["coverage_count"] == 12 and row["coverage_expected"] == 12, year
        assert row["reported_value"] is not None and row["computed_value"] is not None, year
        assert row["within_tolerance"] is True, (year, row["difference"], row["tolerance"])
        assert row["status"] == "ok" and row["value"] == row["reported_value"]


def test_before_2003_provinces_are_incomplete_so_national_rows_are_partial_but_reported(wind):
    obs, agg = wind
    for year in range(1990, 2003):
        present = [
            r
            for r in rows_by(obs, indicator=CAPACITY, period=str(year))
            if r["area"] != "NL01" and r["value"] is not None
        ]
        row = one(agg, indicator=CAPACITY, area="NL01", period=str(year))
        assert row["coverage_count"] == len(present) < 12, year
        assert row["partial"] is True and row["status"] == "ok", year
        assert row["value"] == row["reported_value"] is not None
    blank = one(agg, indicator=CAPACITY, area="PV23", period="2002")
    assert blank["status"] == "missing" and blank["missing_reason"] == "observation marked missing"


def test_window_2015_2020_stock_takes_the_2020_value(wind):
    _, agg = wind
    for area in ["NL01", *PROVINCES]:
        window = one(agg, indicator=CAPACITY, area=area, period="2015/2020")
        last = one(agg, indicator=CAPACITY, area=area, period="2020")
        assert window["period_type"] == "window"
        assert window["value"] == last["value"]
        assert (window["coverage_count"], window["coverage_expected"]) == (6, 6)


def test_window_2015_2020_flow_is_the_sum_of_six_years(wind):
    obs, agg = wind
    for area in ["NL01", *PROVINCES]:
        yearly = [
            r["value"]
            for r in rows_by(obs, indicator=COMMISSIONED, area=area)
            if 2015 <= int(r["period"]) <= 2020
        ]
        present = [v for v in yearly if v is not None]
        window = one(agg, indicator=COMMISSIONED, area=area, period="2015/2020")
        assert window["value"] == pytest.approx(sum(present))
        assert (window["coverage_count"], window["coverage_expected"]) == (len(present), 6)
        # CBS leaves some provincial years blank: the sum is then marked partial, not complete
        assert window["status"] == ("ok" if len(present) == 6 else "partial"), area
    assert one(agg, indicator=COMMISSIONED, area="NL01", period="2015/2020")["status"] == "ok"
