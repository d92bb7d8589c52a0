"""Aggregation over areas: any depth, several hierarchies, validity dates, coverage."""

from __future__ import annotations

from datetime import date

import pytest

from koers.engine import IndicatorRules, aggregate
from koers.engine.tests.factories import areas, links, observations, one, provinces_and_nation

AREAS = areas(
    NL01="land",
    PV25="provincie",
    PV26="provincie",
    PV28="provincie",
    PV99="unallocated",
    G1="gebied",
    G2="gebied",
    G3="gebied",
    GM1="gemeente",
    GM2="gemeente",
    GM3="gemeente",
    VHL="gemeente",
    ES01="res_regio",
)
LINKS = links(
    ("G1", "PV25"),
    ("G2", "PV25"),
    ("G3", "PV26"),
    ("PV25", "NL01"),
    ("PV26", "NL01"),
    ("PV28", "NL01"),
    ("PV99", "NL01"),
    ("GM1", "ES01", "res"),
    ("GM2", "ES01", "res"),
    ("GM3", "ES01", "res"),
    # Vijfheerenlanden moved from Zuid-Holland (PV28) to Utrecht (PV26) on 1 January 2019
    ("VHL", "PV28", "bestuurlijk", None, date(2019, 1, 1)),
    ("VHL", "PV26", "bestuurlijk", date(2019, 1, 1), None),
)
SUM = IndicatorRules("X", decimals=0)


def run(*rows, rules=(SUM,), area_table=AREAS, link_table=LINKS):
    return aggregate(observations(*rows), area_table, link_table, list(rules))


def test_three_levels_gebied_provincie_land():
    agg = run(("X", "G1", "2020", 1.0), ("X", "G2", "2020", 2.0), ("X", "G3", "2020", 4.0))
    pv25 = one(agg, area="PV25", period="2020")
    assert (pv25["computed_value"], pv25["coverage_count"], pv25["coverage_expected"]) == (
        3.0,
        2,
        2,
    )
    assert pv25["level"] == "provincie" and pv25["hierarchy"] == "bestuurlijk"
    nl = one(agg, area="NL01", period="2020")
    assert nl["computed_value"] == 7.0 and nl["level"] == "land"
    assert (nl["coverage_count"], nl["coverage_expected"], nl["partial"]) == (2, 3, True)
    assert nl["status"] == "partial" and nl["reported_value"] is None


def test_a_reported_province_total_is_kept_apart_and_used_upwards():
    agg = run(("X", "G3", "2020", 90.0), ("X", "PV26", "2020", 100.0), ("X", "PV25", "2020", 5.0))
    pv26 = one(agg, area="PV26", period="2020")
    assert (pv26["reported_value"], pv26["computed_value"], pv26["difference"]) == (
        100.0,
        90.0,
        -10.0,
    )
    assert pv26["value"] == 100.0 and pv26["within_tolerance"] is False
    assert one(agg, area="NL01", period="2020")["computed_value"] == 105.0


def test_res_regions_cross_provinces_in_their_own_hierarchy():
    agg = run(("X", "GM1", "2020", 1.0), ("X", "GM2", "2020", 2.0), ("X", "GM3", "2020", 3.0))
    es = one(agg, area="ES01", period="2020")
    assert es["hierarchy"] == "res" and es["computed_value"] == 6.0 and es["level"] == "res_regio"
    assert [r["hierarchy"] for r in agg.to_pylist() if r["area"] == "GM1"] == [None]


def test_the_link_valid_on_the_period_end_date_is_used():
    agg = run(("X", "VHL", "2018", 10.0), ("X", "VHL", "2019", 11.0))
    assert one(agg, area="PV28", period="2018")["computed_value"] == 10.0
    assert one(agg, area="PV26", period="2019")["computed_value"] == 11.0
    assert not [r for r in agg.to_pylist() if r["area"] == "PV28" and r["period"] == "2019"]


def test_unallocated_counts_towards_the_total_and_is_shown_apart():
    area_table, link_table = provinces_and_nation()
    agg = run(
        ("X", "PV20", "2020", 5.0),
        ("X", "PV21", "2020", 6.0),
        ("X", "PV99", "2020", 2.0),
        area_table=area_table,
        link_table=link_table,
    )
    nl = one(agg, area="NL01", period="2020")
    assert (nl["computed_value"], nl["unallocated_value"]) == (13.0, 2.0)
    assert (nl["coverage_count"], nl["coverage_expected"]) == (2, 12)


def test_unallocated_parts_lower_down_are_carried_up():
    area_table = areas(NL01="land", PV25="provincie", G1="gebied", G9="unallocated")
    link_table = links(("G1", "PV25"), ("G9", "PV25"), ("PV25", "NL01"))
    agg = run(
        ("X", "G1", "2020", 5.0),
        ("X", "G9", "2020", 1.0),
        area_table=area_table,
        link_table=link_table,
    )
    assert one(agg, area="PV25", period="2020")["unallocated_value"] == 1.0
    nl = one(agg, area="NL01", period="2020")
    assert (nl["computed_value"], nl["unallocated_value"]) == (6.0, 1.0)


def test_area_rule_none_shows_only_reported_values():
    rules = [IndicatorRules("Median", area_rule="none", time_rule="none")]
    agg = run(
        ("Median", "G1", "2020", 1.0),
        ("Median", "G2", "2020", 3.0),
        ("Median", "NL01", "2020", 2.5),
        rules=rules,
    )
    assert not [r for r in agg.to_pylist() if r["area"] == "PV25"]
    nl = one(agg, area="NL01", period="2020")
    assert (nl["value"], nl["computed_value"]) == (2.5, None)


def test_weighted_mean_uses_the_weight_of_each_child():
    rules = [
        IndicatorRules("Price", area_rule="weighted_mean", weight="Volume", time_rule="mean"),
        IndicatorRules("Volume"),
    ]
    agg = run(
        ("Price", "G1", "2020", 10.0),
        ("Volume", "G1", "2020", 1.0),
        ("Price", "G2", "2020", 20.0),
        ("Volume", "G2", "2020", 3.0),
        rules=rules,
    )
    pv25 = one(agg, indicator="Price", area="PV25", period="2020")
    assert pv25["computed_value"] == pytest.approx((10 * 1 + 20 * 3) / 4)
    assert pv25["coverage_count"] == 2


def test_missing_children_lower_coverage_and_mark_partial():
    agg = run(("X", "G1", "2020", 1.0), ("X", "G2", "2020", None, "_T", "missing"))
    pv25 = one(agg, area="PV25", period="2020")
    assert (pv25["value"], pv25["coverage_count"], pv25["status"]) == (1.0, 1, "partial")
    g2 = one(agg, area="G2", period="2020")
    assert (g2["status"], g2["missing_reason"]) == ("missing", "observation marked missing")


def test_zero_is_missing_when_it_is_not_significant():
    rules = [IndicatorRules("Index", zero_significant=False)]
    agg = run(("Index", "G1", "2020", 0.0), ("Index", "G2", "2020", 3.0), rules=rules)
    assert one(agg, area="PV25", period="2020")["coverage_count"] == 1
    assert (
        one(agg, area="G1", period="2020")["missing_reason"]
        == "zero is not significant for this indicator"
    )


def test_breakdowns_aggregate_per_code():
    agg = run(
        ("X", "G1", "2020", 1.0, "Sector=A"),
        ("X", "G2", "2020", 2.0, "Sector=A"),
        ("X", "G1", "2020", 5.0, "Sector=B"),
    )
    assert one(agg, area="PV25", period="2020", breakdown="Sector=A")["computed_value"] == 3.0
    assert one(agg, area="PV25", period="2020", breakdown="Sector=B")["coverage_count"] == 1


def test_targets_and_realisations_are_aggregated_apart():
    obs = observations(
        {"indicator": "X", "area": "G1", "period": "2030", "value": 7.0, "value_kind": "target"},
        {"indicator": "X", "area": "G1", "period": "2030", "value": 1.0},
    )
    agg = aggregate(obs, AREAS, LINKS, [SUM])
    assert one(agg, area="PV25", value_kind="target")["value"] == 7.0
    assert one(agg, area="PV25", value_kind="realisation")["value"] == 1.0


def test_an_area_that_is_parent_in_two_hierarchies_gets_a_row_per_hierarchy():
    link_table = links(("G1", "PV25"), ("GM1", "PV25", "gemeentelijk"))
    agg = run(
        ("X", "G1", "2020", 1.0),
        ("X", "GM1", "2020", 2.0),
        ("X", "PV25", "2020", 3.0),
        link_table=link_table,
    )
    rows = {r["hierarchy"]: r for r in agg.to_pylist() if r["area"] == "PV25"}
    assert (
        rows["bestuurlijk"]["computed_value"] == 1.0
        and rows["gemeentelijk"]["computed_value"] == 2.0
    )
    assert rows["bestuurlijk"]["reported_value"] == rows["gemeentelijk"]["reported_value"] == 3.0
    assert rows["bestuurlijk"]["lineage_id"] != rows["gemeentelijk"]["lineage_id"]


def test_edge_inputs_give_empty_or_reported_only_results():
    assert run(rules=[SUM]).num_rows == 0
    no_links = run(("X", "G1", "2020", 1.0), link_table=links())
    assert no_links.num_rows == 1 and one(no_links, area="G1")["value"] == 1.0
    unknown = run(("Unknown", "G1", "2020-03", 4.0), ("Unknown", "G2", "2020-03", 5.0))
    assert {r["area"] for r in unknown.to_pylist()} == {"G1", "G2"}  # never added up
    assert one(unknown, area="G1")["status"] == "ok"
