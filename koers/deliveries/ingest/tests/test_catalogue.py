"""The starter catalogue: complete entries, real goals, consistent rules and mappings."""

import re

import pytest

from koers.deliveries.ingest import shipped_mappings
from koers.deliveries.ingest.periods import PERIODICITIES
from koers.deliveries.ingest.validation.catalogue_specs import load_catalogue
from koers.engine.periods import SHIFTED_YEARS

GOALS_PER_THEME = {"2.1": 4, "2.2": 5, "2.3": 5, "2.4": 6, "2.5": 5, "2.6": 4, "2.7": 3, "2.8": 3}
REQUIRED = (
    "code",
    "name",
    "description",
    "unit",
    "unit_multiplier",
    "decimals",
    "value_type",
    "periodicity",
    "area_rule",
    "time_rule",
    "zero_significant",
    "breakdowns",
    "min",
    "max",
    "source",
    "goals",
    "owner",
    "status",
)


@pytest.fixture(scope="module")
def catalogue():
    return {entry["code"]: entry for entry in load_catalogue()}


def test_every_indicator_is_complete_and_uses_known_rule_names(catalogue):
    assert len(catalogue) == len(load_catalogue())  # codes are unique
    for code, entry in catalogue.items():
        assert re.fullmatch(r"[a-z][a-z0-9_]+", code)
        assert all(key in entry for key in REQUIRED), code
        assert set(entry["name"]) == set(entry["description"]) == {"nl", "en"}
        assert entry["value_type"] in ("number", "integer")
        assert entry["periodicity"] in (*PERIODICITIES, *SHIFTED_YEARS)
        assert entry["area_rule"] in ("sum", "ratio", "weighted_mean", "none")
        assert entry["time_rule"] in ("sum", "last", "mean", "none")
        assert entry["status"] in ("active", "awaiting_data")
        assert set(entry["source"]) == {"producer", "table", "column", "method"}
        assert isinstance(entry["unit_multiplier"], int) and isinstance(entry["decimals"], int)


def test_goals_exist_and_every_theme_has_an_indicator(catalogue):
    valid = {
        f"{theme}.{n}" for theme, count in GOALS_PER_THEME.items() for n in range(1, count + 1)
    }
    themes = set()
    for entry in catalogue.values():
        assert set(entry["goals"]) <= valid, entry["code"]
        assert entry["goals"] or entry.get("peer"), entry["code"]
        themes |= {goal.rsplit(".", 1)[0] for goal in entry["goals"]}
    assert themes == set(GOALS_PER_THEME)


def test_rules_refer_to_indicators_that_exist(catalogue):
    for entry in catalogue.values():
        if entry["area_rule"] == "ratio":
            assert entry["numerator"] in catalogue and entry["denominator"] in catalogue
            assert entry.get("scale", 1) > 0
        if entry["area_rule"] == "weighted_mean":
            assert entry["weight"] in catalogue
        if entry.get("formula"):
            names = set(re.findall(r"[a-z][a-z0-9_]+", entry["formula"]))
            assert names and names <= set(catalogue), entry["formula"]


def test_breakdowns_have_a_total_and_parents_in_their_own_list(catalogue):
    for entry in catalogue.values():
        for dim, spec in entry["breakdowns"].items():
            codes = [c["code"] for c in spec["codes"]]
            assert "_T" in codes and len(codes) == len(set(codes)), (entry["code"], dim)
            for code in spec["codes"]:
                assert set(code["name"]) == {"nl", "en"}
                assert code.get("parent", "_T") in codes


def test_every_mapped_indicator_and_code_is_in_the_catalogue(catalogue):
    for mapping in shipped_mappings().values():
        for value in mapping.values:
            # a per-row indicator column names its codes under indicator_codes
            codes = [value.indicator] if value.indicator else [*value.indicator_codes.values()]
            assert codes, mapping.name
            for code in codes:
                assert code in catalogue, (mapping.name, code)
                entry = catalogue[code]
                for dim, source in mapping.breakdowns.items():
                    allowed = {c["code"] for c in entry["breakdowns"][dim]["codes"]}
                    assert set(source.codes.values()) <= allowed, (mapping.name, dim)


def test_the_required_starter_indicators_are_there(catalogue):
    for code, table, column in [
        ("wind_vermogen", "70960ned", "OpgesteldVermogenEindeJaar_9"),
        ("windturbines_opgesteld", "70960ned", "OpgesteldeWindmolensEindeVanJaar_3"),
        ("windturbines_in_gebruik_genomen", "70960ned", "InGebruikGenomenWindmolens_1"),
        ("ammoniakemissie_mest", "84071NED", "AmmoniakemissieN_4"),
        ("verkeersdoden", "80202ned", "k_17111Wegverkeersongevallen_83"),
        ("bevolking_1_januari", "37259", "PopulationOn1January_1"),
    ]:
        assert catalogue[code]["source"]["table"] == table
        assert catalogue[code]["source"]["column"] == column
    assert catalogue["wind_vermogen"]["time_rule"] == "last"
    assert catalogue["windturbines_in_gebruik_genomen"]["time_rule"] == "sum"
    births = catalogue["geboortecijfer"]
    assert (births["area_rule"], births["numerator"], births["scale"]) == (
        "ratio",
        "levend_geborenen",
        1000,
    )
    awaiting = {c for c, e in catalogue.items() if e["status"] == "awaiting_data"}
    assert catalogue["faunaschade_uitgekeerd"]["periodicity"] == "schadejaar"  # BIJ12's year
    assert {
        "woningbouw_nieuwbouw",
        "netcongestie_wachtrij",
        "verkeersdoden_provinciale_wegen",
    } <= awaiting
    assert catalogue["ca_ghg_emissies"]["peer"] is True
