"""Canada GHG emissions (Open SDG 13-1-1): provinces reconcile to the national total;
province-years whose sectors fall short of the provincial total are flagged."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pyarrow as pa
import pytest

from koers.engine import OBSERVATIONS, IndicatorRules, aggregate, check_breakdowns
from koers.engine.tests.factories import areas, links, one, rows_by
from koers.engine.tests.realdata import read_csv_rows

GHG = "GreenhouseGasEmissions"
RULES = [IndicatorRules(GHG, area_rule="sum", time_rule="sum", periodicity="year", decimals=3)]
TOTALS = ("Provincial Inventory Total", "Territorial Inventory Total")


def to_observations(rows: list[dict]) -> pa.Table:
    """Open SDG layout: blank Geography is national, blank Source (or an inventory total) is _T."""
    out = []
    for line, r in enumerate(rows, start=2):
        national = r["Geography"] in (None, "Canada")
        source = None if r["Source"] in (None, *TOTALS) else r["Source"]
        out.append(
            {
                "obs_id": line,
                "indicator": GHG,
                "area": "CA" if national else f"CA{r['GeoCode']}",
                "period": r["Year"],
                "breakdown": f"Source={source}" if source else "_T",
                "value_kind": "realisation",
                "value": float(r["Value"]),
                "status": "normal",
                "version": 1,
                "delivery_id": 13,
                "source_file": "canada_indicator_13-1-1.csv",
                "source_row": line,
            }
        )
    return pa.Table.from_pylist(out, schema=OBSERVATIONS)


@pytest.fixture(scope="module")
def canada(shared_data):
    rows = read_csv_rows(shared_data / "sdg" / "canada_indicator_13-1-1.csv")
    obs = to_observations(rows)
    codes = sorted({a for a in obs.column("area").to_pylist() if a != "CA"})
    # Nunavut (62) was split off the Northwest Territories on 1 April 1999
    link_rows = [
        (c, "CA", "federal", date(1999, 1, 1) if c == "CA62" else None, None) for c in codes
    ]
    area_table = areas(CA="land", **dict.fromkeys(codes, "provincie"))
    link_table = links(*link_rows)
    return rows, obs, area_table, link_table, aggregate(obs, area_table, link_table, RULES)


def test_provinces_reconcile_to_the_national_total_every_year(canada):
    *_, agg = canada
    differences = {}
    for year in range(1990, 2025):
        row = one(agg, indicator=GHG, area="CA", period=str(year), breakdown="_T")
        assert row["within_tolerance"] is True, (year, row["difference"], row["tolerance"])
        assert row["coverage_expected"] == (12 if year < 1999 else 13)
        assert row["coverage_count"] == row["coverage_expected"]
        differences[year] = abs(row["difference"])
    # The data note says +-0.002 Mt; 2018 and 2019 are in fact 0.003 apart (rounding of 13 parts).
    assert max(differences.values()) <= 0.003 + 1e-9
    assert {y for y, d in differences.items() if d > 0.002 + 1e-9} == {2018, 2019}


def test_a_strict_absolute_tolerance_flags_exactly_the_years_off_by_more(canada):
    _, obs, area_table, link_table, _ = canada
    strict = [replace(RULES[0], decimals=None, tolerance_abs=0.002)]
    agg = aggregate(obs, area_table, link_table, strict)
    national = [r for r in rows_by(agg, area="CA", breakdown="_T") if r["period_type"] == "year"]
    assert {int(r["period"]) for r in national if r["within_tolerance"] is False} == {2018, 2019}


def test_province_years_whose_sectors_fall_short_are_flagged(canada):
    rows, *_, agg = canada
    check = check_breakdowns(agg, RULES)
    provinces = [r for r in check.to_pylist() if r["area"] != "CA"]
    flagged = {(r["area"], r["period"]) for r in provinces if r["adds_up"] is False}

    expected = set()
    for geo, year in {(r["GeoCode"], r["Year"]) for r in rows if r["GeoCode"]}:
        parts = [
            float(r["Value"])
            for r in rows
            if r["GeoCode"] == geo and r["Year"] == year and r["Source"] not in TOTALS
        ]
        total = next(
            float(r["Value"])
            for r in rows
            if r["GeoCode"] == geo and r["Year"] == year and r["Source"] in TOTALS
        )
        if total - sum(parts) > 0.0005 * (len(parts) + 1) + 1e-9:  # short beyond rounding
            expected.add((f"CA{geo}", year))
    assert flagged == expected and flagged
    assert all(r["difference"] < 0 for r in provinces if r["adds_up"] is False)
    nunavut = one(check, area="CA62", period="2019")
    assert nunavut["parts_count"] == 4 and nunavut["adds_up"] is False
