"""Each province's regime, as far as the fact sheet supports it; unknowns go to a person."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from koers.faunaschade.rules.calculation import GRANTED, MANUAL, decide
from koers.faunaschade.rules.claim import read_claim
from koers.faunaschade.rules.comparison import PROVINCES, compare
from koers.faunaschade.rules.regime import regime_for
from koers.faunaschade.rules.shipped import shipped_regimes, shipped_species


def claim(province: str, **item: object) -> dict:
    data = {
        "provincie": province,
        "aanvraagdatum": "2025-02-12",
        "schade_geconstateerd": "2025-02-06",
        "aanvrager": {"kvk": "12345678", "iban": "NL91ABNA0417164300"},
        "leges_betaald": "300.00",
        "schadeposten": [
            {
                "perceel": "P1",
                "gewas": "blijvend_grasland",
                "gewascategorie": "overig",
                "soort": "grauwe_gans",
                "getaxeerd": "4000.00",
                "schadedatum": "2025-02-03",
                "preventie": ["akoestisch", "visueel"],
            }
        ],
    }
    data["schadeposten"][0].update(item)
    return copy.deepcopy(data)


def decision(data: dict, regime_id: str | None = None):
    parsed = read_claim(data, shipped_species())
    regimes = shipped_regimes()
    regime = (
        next(r for r in regimes if r.id == regime_id)
        if regime_id
        else regime_for(regimes, parsed.province, parsed.decisive_dates)
    )
    return decide(parsed, regime)


def test_all_twelve_provinces_have_a_regime_on_1_january_2025() -> None:
    rows = {key: row for key, _label, row in compare(shipped_regimes(), date(2025, 1, 1))}
    assert set(rows["regime"]) == set(PROVINCES)
    assert all(cell is not None for cell in rows["regime"].values())
    # what is not known says so, with the tag NF; what is known cites a source
    for row in rows.values():
        for cell in row.values():
            assert cell.text == "onbekend" and cell.tag == "NF" or cell.source


def test_the_comparison_shows_what_differs() -> None:
    rows = {key: row for key, _label, row in compare(shipped_regimes(), date(2025, 1, 1))}
    assert rows["fee"]["PV30"].text == "€ 0,00"  # Zeeland: no fee from 2024
    assert rows["fee"]["PV22"].text == "€ 300,00"
    assert rows["fee_refund"]["PV29"].text == "nooit"  # Noord-Brabant, November 2023
    assert rows["own_risk"]["PV22"].text == "5%"
    assert rows["own_risk"]["PV25"].text == "onbekend"  # Gelderland 2024: not found


def test_an_unknown_parameter_sends_the_claim_to_a_person_with_the_reason() -> None:
    result = decision(claim("PV25"))  # Gelderland: only art. 1 could be read
    assert result.outcome == MANUAL
    assert "het percentage eigen risico is onbekend in dit regime" in result.manual_reasons


def test_drenthe_badger_damage_has_no_own_risk_and_the_fee_comes_back() -> None:
    result = decision(claim("PV22", soort="das", gewas="mais", gewascategorie="kwetsbaar"))
    names = [s.name for s in result.steps]
    assert "volledige vergoeding" in names and "eigen risico" not in names
    assert result.fee_refund_cents == 30000


def test_drenthe_minimum_own_risk_scope_is_unknown_only_once_something_was_charged() -> None:
    first = decision(claim("PV22"))
    assert not any("meldingsjaar" in r for r in first.manual_reasons)
    later = claim("PV22")
    later["eigen_risico_minimum_al_betaald"] = "250.00"
    assert any("meldingsjaar" in r for r in decision(later).manual_reasons)


def test_noord_holland_geese_have_five_percent_from_november_2023() -> None:
    result = decision(claim("PV27"))
    step = next(s for s in result.steps if s.name == "eigen risico")
    assert "5%" in step.explanation and "€ 200,00" in step.explanation
    # a swan is not one of the three geese: its percentage is not known
    swan = decision(claim("PV27", soort="knobbelzwaan"))
    assert "het percentage eigen risico is onbekend in dit regime" in swan.manual_reasons


@pytest.mark.parametrize(("day", "excluded"), [("2025-01-31", True), ("2025-02-01", False)])
def test_noord_holland_wood_pigeons_are_excluded_until_31_january(day: str, excluded: bool) -> None:
    data = claim("PV27", soort="houtduif", schadedatum=day)
    result = decision(data)
    assert any(s.name == "uitsluiting" for s in result.steps) is excluded


def test_noord_brabant_birds_on_pears_carry_forty_percent() -> None:
    result = decision(
        claim("PV29", soort="spreeuw", gewas="pitvruchten", gewascategorie="kapitaalintensief")
    )
    step = next(s for s in result.steps if s.name == "eigen risico")
    assert "40%" in step.explanation


@pytest.mark.parametrize(("day", "full"), [("2025-03-31", True), ("2025-04-01", False)])
def test_fryslan_foraging_areas_pay_in_full_until_the_end_of_march(day: str, full: bool) -> None:
    data = claim("PV21", schadedatum=day, gebieden=["ganzenfoerageergebied"])
    data["schade_geconstateerd"] = data["aanvraagdatum"] = day
    result = decision(data)
    assert any(s.name == "volledige vergoeding" for s in result.steps) is full


def test_zeeland_charges_no_fee_and_returns_one_paid_by_mistake() -> None:
    result = decision(claim("PV30"))
    assert result.fee_refund_cents == 30000


def test_a_claim_straddling_two_regimes_with_an_unknown_decisive_date_has_none() -> None:
    # Utrecht: UT-2024 until 31-10-2025, UT-2026 from 1-11-2025; which date decides is unknown
    data = claim("PV26", schadedatum="2025-10-30")
    data["schade_geconstateerd"], data["aanvraagdatum"] = "2025-10-31", "2025-11-03"
    parsed = read_claim(data, shipped_species())
    assert regime_for(shipped_regimes(), "PV26", parsed.decisive_dates) is None
    data["schade_geconstateerd"] = "2025-11-01"
    parsed = read_claim(data, shipped_species())
    assert regime_for(shipped_regimes(), "PV26", parsed.decisive_dates).id == "UT-2026"


def test_noord_holland_applications_decide_by_the_application_date() -> None:
    data = claim("PV27", schadedatum="2023-10-29")
    data["schade_geconstateerd"], data["aanvraagdatum"] = "2023-10-30", "2023-11-01"
    parsed = read_claim(data, shipped_species())
    assert regime_for(shipped_regimes(), "PV27", parsed.decisive_dates).id == "NH-2023-11"


def test_a_granted_claim_of_a_fully_known_regime_needs_nobody() -> None:
    national = claim("XX")
    national["aanvraagdatum"], national["schade_geconstateerd"] = "2015-02-12", "2015-02-06"
    national["schadeposten"][0]["schadedatum"] = "2015-02-03"
    # 2014: "other" crops need scaring by human presence, not acoustic and visual means
    assert decision(national).payout_cents == 0
    national["schadeposten"][0]["preventie"] = ["menselijke_aanwezigheid"]
    result = decision(national)
    assert (
        result.outcome == GRANTED and result.payout_cents == 375000
    )  # 4,000 - minimum 250 (5% = 200)
