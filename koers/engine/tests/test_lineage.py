"""trace(): from any aggregate back to the observations, deliveries and source rows."""

from __future__ import annotations

import pytest

from koers.engine import (
    AggregateKey,
    IndicatorRules,
    LineageError,
    aggregate,
    parse_lineage_id,
    trace,
)
from koers.engine.tests.factories import areas, links, observations, one

AREAS = areas(
    NL01="land", PV25="provincie", PV26="provincie", G1="gebied", G2="gebied", G3="gebied"
)
LINKS = links(("G1", "PV25"), ("G2", "PV25"), ("G3", "PV26"), ("PV25", "NL01"), ("PV26", "NL01"))
RULES = [
    IndicatorRules("Flow", periodicity="quarter"),
    IndicatorRules("Stock", time_rule="last", periodicity="quarter"),
    IndicatorRules("Pop", time_rule="last", periodicity="quarter"),
    IndicatorRules("PerCapita", area_rule="ratio", numerator="Flow", denominator="Pop"),
]
QUARTERS = ("2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4")
OBS = observations(
    *[
        (ind, g, q, 1.0)
        for ind in ("Flow", "Stock", "Pop")
        for g in ("G1", "G2", "G3")
        for q in QUARTERS
    ],
    ("Flow", "PV26", "2023-Q1", 5.0),
)
AGG = aggregate(OBS, AREAS, LINKS, RULES)


def ids(table) -> set[tuple[str, str, str, str]]:
    return {(r["role"], r["indicator"], r["area"], r["period"]) for r in table.to_pylist()}


def test_lineage_ids_are_stable_readable_and_parse_back():
    row = one(AGG, indicator="Flow", area="PV25", period="2023")
    assert row["lineage_id"] == "Flow|realisation|bestuurlijk|PV25|2023|_T"
    key = parse_lineage_id(row["lineage_id"])
    assert key == AggregateKey("Flow", "PV25", "2023", hierarchy="bestuurlijk")
    assert key.lineage_id == row["lineage_id"]
    assert len(set(AGG.column("lineage_id").to_pylist())) == AGG.num_rows


def test_a_province_year_traces_to_every_leaf_quarter():
    found = trace(
        one(AGG, indicator="Flow", area="PV25", period="2023")["lineage_id"],
        OBS,
        AREAS,
        LINKS,
        RULES,
    )
    assert ids(found) == {("computed", "Flow", g, q) for g in ("G1", "G2") for q in QUARTERS}
    assert set(found.column_names) >= {
        "obs_id",
        "version",
        "delivery_id",
        "source_file",
        "source_row",
    }


def test_a_stock_traces_only_to_the_last_period():
    found = trace("Stock|realisation|bestuurlijk|NL01|2023|_T", OBS, AREAS, LINKS, RULES)
    assert ids(found) == {("computed", "Stock", g, "2023-Q4") for g in ("G1", "G2", "G3")}


def test_a_reported_child_total_stands_for_its_children():
    found = trace("Flow|realisation|bestuurlijk|NL01|2023-Q1|_T", OBS, AREAS, LINKS, RULES)
    assert ids(found) == {
        ("computed", "Flow", "G1", "2023-Q1"),
        ("computed", "Flow", "G2", "2023-Q1"),
        ("computed", "Flow", "PV26", "2023-Q1"),
    }


def test_the_reported_value_of_the_key_itself_is_listed_apart():
    found = trace("Flow|realisation|bestuurlijk|PV26|2023-Q1|_T", OBS, AREAS, LINKS, RULES)
    assert ids(found) == {
        ("reported", "Flow", "PV26", "2023-Q1"),
        ("computed", "Flow", "G3", "2023-Q1"),
    }


def test_a_ratio_traces_to_both_components():
    found = trace(
        {"indicator": "PerCapita", "area": "G1", "period": "2023-Q2"}, OBS, AREAS, LINKS, RULES
    )
    assert ids(found) == {
        ("component", "Flow", "G1", "2023-Q2"),
        ("component", "Pop", "G1", "2023-Q2"),
    }


def test_bad_ids_raise_lineage_errors():
    with pytest.raises(LineageError):
        parse_lineage_id("Flow|PV25")
    with pytest.raises(LineageError):
        trace("Flow|realisation||PV25|2023-13|_T", OBS, AREAS, LINKS, RULES)
