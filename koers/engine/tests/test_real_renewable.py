"""Renewable electricity (CBS 85004NED): NL01 = 12 provinces + PV99, per source and year."""

from __future__ import annotations

import pytest

from koers.engine import IndicatorRules, aggregate, canonical_breakdown, check_breakdowns
from koers.engine.tests.factories import one, provinces_and_nation
from koers.engine.tests.realdata import PROVINCES, cbs_observations, read_csv_rows

CAPACITY = "OpgesteldElektrischVermogen_1"
RULES = [
    IndicatorRules(CAPACITY, area_rule="sum", time_rule="last", periodicity="year", decimals=0)
]


@pytest.fixture(scope="module")
def renewable(cbs_dir):
    rows = read_csv_rows(cbs_dir / "85004ned_hernieuwbare_elektriciteit.csv")
    # ES/ET (RES regions) cross provincial borders; they are not part of this hierarchy
    obs = cbs_observations(
        rows,
        [CAPACITY],
        dims=["BronEnTechniek"],
        regions={"NL01", "PV99", *PROVINCES},
        source_file="85004ned.csv",
    )
    areas, links = provinces_and_nation()
    return rows, obs, aggregate(obs, areas, links, RULES)


def test_padded_codes_are_read_as_plain_codes(renewable):
    _, obs, _ = renewable
    assert set(obs.column("area").to_pylist()) == {"NL01", "PV99", *PROVINCES}
    assert "BronEnTechniek=E006590" in obs.column("breakdown").to_pylist()


def test_national_is_twelve_provinces_plus_unallocated_per_source_and_year(renewable):
    rows, _, agg = renewable
    checked = 0
    for year in range(2018, 2025):
        for source in sorted({r["BronEnTechniek"] for r in rows}):
            parts = {
                r["RegioS"]: r[CAPACITY]
                for r in rows
                if r["Perioden"] == f"{year}JJ00" and r["BronEnTechniek"] == source
            }
            provinces = [float(parts[p]) for p in PROVINCES if parts.get(p) is not None]
            pv99 = float(parts["PV99"]) if parts.get("PV99") is not None else None
            row = one(
                agg,
                indicator=CAPACITY,
                area="NL01",
                period=str(year),
                breakdown=canonical_breakdown({"BronEnTechniek": source}),
            )
            assert row["computed_value"] == pytest.approx(sum(provinces) + (pv99 or 0.0))
            assert row["unallocated_value"] == pv99
            assert row["coverage_count"] == len(provinces)
            assert row["coverage_expected"] == 12  # PV99 counts towards the total, not coverage
            assert row["reported_value"] == float(parts["NL01"])
            assert row["within_tolerance"] is True, (year, source, row["difference"])
            checked += 1
    assert checked == 7 * 4


def test_sources_are_aggregated_per_code_not_mixed(renewable):
    _, _, agg = renewable
    solar_wind = one(
        agg, indicator=CAPACITY, area="PV20", period="2020", breakdown="BronEnTechniek=E006590"
    )
    other = one(
        agg, indicator=CAPACITY, area="PV20", period="2020", breakdown="BronEnTechniek=E006637"
    )
    assert (solar_wind["value"], other["value"]) == (943.0, 620.0)


def test_no_total_code_means_no_breakdown_check(renewable):
    # the file has no _T row per area, so there is nothing to check the parts against
    _, _, agg = renewable
    assert check_breakdowns(agg, RULES).num_rows == 0
