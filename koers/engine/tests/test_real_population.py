"""Population (CBS 37259): births per 1,000 is a ratio of sums, never a mean of ratios."""

from __future__ import annotations

from statistics import mean

import pytest

from koers.engine import IndicatorRules, aggregate
from koers.engine.tests.factories import one, provinces_and_nation
from koers.engine.tests.realdata import PROVINCES, cbs_observations, read_csv_rows

BIRTHS = "LiveBornChildren_3"
RATIO = "LiveBornChildrenRatio_4"  # CBS: live births per 1,000 of the average population
JAN1 = "PopulationOn1January_1"
DEC31 = "PopulationOn31December_20"
YEARS = range(2012, 2024)

RULES = [
    IndicatorRules(BIRTHS, area_rule="sum", time_rule="sum", decimals=0),
    IndicatorRules(JAN1, area_rule="sum", time_rule="none", decimals=0),
    IndicatorRules(DEC31, area_rule="sum", time_rule="none", decimals=0),
    IndicatorRules("AveragePopulation", formula=f"({JAN1} + {DEC31}) / 2"),
    IndicatorRules(
        RATIO,
        area_rule="ratio",
        numerator=BIRTHS,
        denominator="AveragePopulation",
        scale=1000,
        decimals=1,
    ),
    # the alternative denominator, to show it is not what CBS uses
    IndicatorRules(
        "BirthsPerThousandJan1",
        area_rule="ratio",
        numerator=BIRTHS,
        denominator=JAN1,
        scale=1000,
        decimals=1,
    ),
]


@pytest.fixture(scope="module")
def population(cbs_dir):
    rows = [
        r
        for r in read_csv_rows(cbs_dir / "37259_bevolkingsontwikkeling_regio.csv")
        if r["Sex"] == "T001038"
    ]
    obs = cbs_observations(
        rows,
        [BIRTHS, RATIO, JAN1, DEC31],
        region="Regions",
        period="Periods",
        regions={"NL01", *PROVINCES},
        source_file="37259.csv",
    )
    areas, links = provinces_and_nation()
    return aggregate(obs, areas, links, RULES)


def test_provinces_add_up_to_nl01_exactly(population):
    for year in YEARS:
        row = one(population, indicator=BIRTHS, area="NL01", period=str(year))
        assert row["difference"] == 0 and row["coverage_count"] == 12


def test_national_birth_rate_is_births_over_mean_of_1_jan_and_31_dec(population):
    for year in YEARS:
        row = one(population, indicator=RATIO, area="NL01", period=str(year))
        assert round(row["computed_value"], 1) == row["reported_value"], year
        assert row["within_tolerance"] is True and row["tolerance"] == pytest.approx(0.05)


def test_population_on_1_january_alone_is_not_the_cbs_denominator(population):
    misses = [
        year
        for year in YEARS
        if round(
            one(population, indicator="BirthsPerThousandJan1", area="NL01", period=str(year))[
                "computed_value"
            ],
            1,
        )
        != one(population, indicator=RATIO, area="NL01", period=str(year))["reported_value"]
    ]
    assert misses, "1 January would match too; the test could not tell the denominators apart"


def test_mean_of_provincial_ratios_does_not_give_the_national_ratio(population):
    wrong_years = []
    for year in YEARS:
        provincial = [
            one(population, indicator=RATIO, area=p, period=str(year))["computed_value"]
            for p in PROVINCES
        ]
        national = one(population, indicator=RATIO, area="NL01", period=str(year))["reported_value"]
        if round(mean(provincial), 1) != national:
            wrong_years.append(year)
    assert wrong_years, "the mean of ratios happened to match every year"


def test_provincial_ratios_match_their_reported_cbs_values(population):
    for year in YEARS:
        for p in PROVINCES:
            row = one(population, indicator=RATIO, area=p, period=str(year))
            assert row["within_tolerance"] is True, (year, p, row["difference"])
