"""Hostile input in the claims handler's workspace and the claim file: a message naming the
field and the value, never an error page, never a traceback."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from koers.faunaschade import claims
from koers.faunaschade.models import Claim
from koers.faunaschade.rules.claim import ClaimError, read_claim
from koers.faunaschade.rules.shipped import shipped_species
from koers.faunaschade.tests.test_claims import EXAMPLE, taxed, untaxed

pytestmark = pytest.mark.django_db


@pytest.fixture
def handler(register, make_user):
    return make_user("claims_handler", name="behandelaar")


@pytest.fixture
def signed_in(client, handler):
    client.force_login(handler)
    return client


def application(**changes) -> dict:
    form = {
        "province": "PV22",
        "applicant": "Maatschap De Vries",
        "kvk": "12345678",
        "iban": "NL91 ABNA 0417 1643 00",
        "professional": "on",
        "applied_on": "2025-02-12",
        "noticed_on": "2025-02-06",
        "fee_paid": "300.00",
        "own_risk_minimum_charged": "0",
        "parcel_0": "Perceel 12",
        "crop_0": "blijvend_grasland",
        "crop_category_0": "overig",
        "species_0": "grauwe_gans",
        "damage_date_0": "2025-02-03",
    }
    form.update(changes)
    return form


def test_a_sound_application_is_accepted(signed_in) -> None:
    response = signed_in.post("/faunaschade/behandeling/nieuw", application())
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("fee_paid", "1e20"),
        ("fee_paid", "100000000000"),
        ("fee_paid", "-5"),
        ("fee_paid", "1.005"),
        ("own_risk_minimum_charged", "99999999999999999999"),
    ],
)
def test_an_impossible_amount_is_a_message_at_its_field(signed_in, field, value) -> None:
    response = signed_in.post("/faunaschade/behandeling/nieuw", application(**{field: value}))
    assert response.status_code == 400
    assert response.context["form"].errors.get(field), (field, value)
    assert not Claim.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("applied_on", "9999-12-31"),
        ("noticed_on", "0001-01-01"),
        ("damage_date_0", "9999-12-31"),
        ("exemption_requested_on", "0001-01-01"),
    ],
)
def test_a_date_far_outside_any_regime_is_a_message_naming_the_field(
    signed_in, field, value
) -> None:
    response = signed_in.post("/faunaschade/behandeling/nieuw", application(**{field: value}))
    assert response.status_code == 400
    html = response.content.decode()
    assert value in html or response.context["form"].errors.get(field)
    assert not Claim.objects.exists()
    assert signed_in.get("/faunaschade/behandeling/").status_code == 200


def test_damage_noticed_after_the_application_is_refused(signed_in) -> None:
    response = signed_in.post(
        "/faunaschade/behandeling/nieuw", application(noticed_on="2025-03-01")
    )
    assert response.status_code == 400
    assert "schade_geconstateerd" in response.content.decode()
    assert not Claim.objects.exists()


def test_html_in_a_text_field_is_shown_as_text(signed_in) -> None:
    script = "<script>alert(1)</script>"
    response = signed_in.post(
        "/faunaschade/behandeling/nieuw", application(applicant=script, parcel_0=script)
    )
    assert response.status_code == 302
    for path in (response["Location"], "/faunaschade/behandeling/"):
        html = signed_in.get(path).content.decode()
        assert script not in html


@pytest.mark.parametrize("value", ["99999999999999", "-1", "12.345", "1e400", "NaN", "Infinity"])
def test_an_impossible_taxed_amount_is_a_message_not_an_error(signed_in, handler, value) -> None:
    claim = claims.submit(untaxed(EXAMPLE), user=handler, applicant="Boer")
    fields = {f"item_{item.pk}": value for item in claim.items.all()}
    response = signed_in.post(
        f"/faunaschade/behandeling/{claim.pk}",
        {"stap": "taxatie", "taxed_on": "2025-03-01", **fields},
    )
    assert response.status_code == 400
    assert any(key.startswith("item_") for key in response.context["taxation"].errors)
    claim.refresh_from_db()
    assert claim.state == "ingediend"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"own_amount": "99999999999999", "reason": "x"}, "own_amount"),
        ({"decided_on": "9999-12-31"}, "decided_on"),
    ],
)
def test_an_impossible_decision_is_a_message_at_its_field(signed_in, handler, changes, field):
    claim = taxed(handler)
    form = {"stap": "besluit", "decided_on": "2025-03-10", "own_amount": "100", "reason": "r"}
    form.update(changes)
    response = signed_in.post(f"/faunaschade/behandeling/{claim.pk}", form)
    assert response.status_code == 400
    assert response.context["decision_form"].errors.get(field)
    claim.refresh_from_db()
    assert claim.state == "getaxeerd"
    assert signed_in.get("/faunaschade/behandeling/").status_code == 200


def test_a_claim_cannot_be_closed_before_it_was_decided(handler) -> None:
    claim = taxed(handler)
    claims.decide(
        claim, decided_on=date(2025, 3, 10), user=handler, payout=Decimal("100"), reason="r"
    )
    with pytest.raises(claims.ClaimStepError, match="vóór de besluitdatum"):
        claims.close(claim, closed_on=date(2025, 3, 9), user=handler)


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        (("schadeposten", 0, "getaxeerd"), "1e40", "schadeposten[0].getaxeerd"),
        (("leges_betaald",), "1E+30", "leges_betaald"),
        (("aanvraagdatum",), "9999-12-31", "aanvraagdatum"),
        (("schadeposten", 0, "schadedatum"), "0001-01-01", "schadeposten[0].schadedatum"),
    ],
)
def test_the_claim_file_names_the_field_of_an_impossible_value(path, value, field) -> None:
    data = json.loads(json.dumps(EXAMPLE))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(ClaimError) as caught:
        read_claim(data, shipped_species())
    assert field in caught.value.message and value in caught.value.message


def test_a_payout_on_nothing_taxed_is_still_shared_out_to_the_cent(handler) -> None:
    items = list(taxed(handler, amounts=("0.00", "0.00")).items.all())
    paid = claims.allocate(Decimal("100.01"), items, {0, 1})
    assert sum(paid) == Decimal("100.01") and sorted(paid) == [Decimal("50.00"), Decimal("50.01")]


def test_a_payout_is_shared_by_taxed_damage_to_the_cent(handler) -> None:
    items = list(taxed(handler, amounts=("1.00", "2.00")).items.all())
    assert claims.allocate(Decimal("1.00"), items, {0, 1}) == [Decimal("0.33"), Decimal("0.67")]
    assert claims.allocate(Decimal("1.00"), items, {1}) == [Decimal("0"), Decimal("1.00")]


def test_an_own_amount_above_the_taxed_damage_is_refused(signed_in, handler) -> None:
    claim = taxed(handler)  # 3,200 + 850 taxed
    form = {"stap": "besluit", "decided_on": "2025-03-10", "own_amount": "40500", "reason": "r"}
    response = signed_in.post(f"/faunaschade/behandeling/{claim.pk}", form)
    assert response.status_code == 400
    assert "40500.00 is meer dan de getaxeerde schade 4050.00" in response.content.decode()
    claim.refresh_from_db()
    assert claim.state == "getaxeerd"
