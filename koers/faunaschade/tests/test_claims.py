"""The claims process: each step checks its state, records its date and names its actor."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied

from koers.faunaschade import claims
from koers.faunaschade.claims import ClaimStepError
from koers.faunaschade.models import Claim, ClaimState
from koers.faunaschade.rules.claim import ClaimError
from koers.faunaschade.rules.shipped import REGIMES_DIR

pytestmark = pytest.mark.django_db
EXAMPLE = json.loads((REGIMES_DIR.parent / "examples" / "aanvraag-drenthe.json").read_text())


@pytest.fixture
def handler(register, make_user):
    return make_user("claims_handler", name="behandelaar")


def untaxed(data: dict) -> dict:
    data = json.loads(json.dumps(data))
    for item in data["schadeposten"]:
        item.pop("getaxeerd", None)
    return data


def submitted(handler, **changes) -> Claim:
    data = untaxed(EXAMPLE)
    data.update(changes)
    return claims.submit(data, user=handler, applicant="Maatschap De Vries")


def taxed(handler, amounts=("3200.00", "850.00"), **changes) -> Claim:
    claim = submitted(handler, **changes)
    items = list(claim.items.all())
    return claims.record_taxation(
        claim, {i.pk: Decimal(a) for i, a in zip(items, amounts, strict=True)},
        taxed_on=date(2025, 3, 1), user=handler,
    )  # fmt: skip


def test_a_claim_goes_from_application_to_payment_and_closure(handler) -> None:
    claim = taxed(handler)
    assert claim.state == ClaimState.TAXED
    proposal = claims.propose(claim)
    assert proposal.regime == "DR-2024" and proposal.decision.payout_cents == 380000
    # Drenthe's exclusions and prevention are unknown: a person decides, with a reason
    with pytest.raises(ClaimStepError, match="beslist een behandelaar zelf"):
        claims.decide(claim, decided_on=date(2025, 3, 10), user=handler)
    with pytest.raises(ClaimStepError, match="vraagt een reden"):
        claims.decide(claim, decided_on=date(2025, 3, 10), user=handler, payout=Decimal("3800"))
    claims.decide(
        claim, decided_on=date(2025, 3, 10), user=handler,
        payout=Decimal("3800.00"), reason="Preventie ter plaatse gecontroleerd; geen uitsluiting.",
    )  # fmt: skip
    claim.refresh_from_db()
    assert claim.outcome == "toegekend" and claim.payout == Decimal("3800.00")
    assert claim.computed["regime"] == "DR-2024"
    assert sum(i.paid for i in claim.items.all()) == Decimal("3800.00")
    claims.pay(claim, paid_on=date(2025, 3, 20), user=handler)
    claims.close(claim, closed_on=date(2025, 4, 25), user=handler)
    assert claim.state == ClaimState.CLOSED
    actors = {e.actor_id for e in LogEntry.objects.get_for_object(claim)}
    assert actors == {handler.pk}


def test_a_fully_known_regime_is_decided_as_computed(handler) -> None:
    data = untaxed(EXAMPLE)
    data.update(provincie="PV30")  # Zeeland: everything but the fee is unknown
    claim = claims.submit(data, user=handler)
    items = list(claim.items.all())
    claims.record_taxation(
        claim, {i.pk: Decimal("100.00") for i in items}, taxed_on=date(2025, 3, 1), user=handler
    )
    assert claims.propose(claim).decision.outcome == "handmatig"


def test_only_a_claims_handler_may_touch_claims(register, make_user, handler) -> None:
    for role, province in (
        ("programme_office", None),
        ("province_steward", "PV22"),
        ("analyst", None),
    ):
        user = make_user(role, province=province, name=f"u-{role}")
        with pytest.raises(PermissionDenied):
            claims.submit(untaxed(EXAMPLE), user=user)


@pytest.mark.parametrize(
    ("filed", "ok"),
    [(date(2025, 3, 10), True), (date(2025, 4, 21), True), (date(2025, 4, 22), False)],
)
def test_an_objection_is_possible_for_six_weeks_after_the_decision(handler, filed, ok) -> None:
    claim = taxed(handler)
    claims.decide(
        claim, decided_on=date(2025, 3, 10), user=handler, payout=Decimal("0"), reason="x"
    )
    if ok:
        claims.file_objection(claim, filed_on=filed, user=handler)
        assert claim.state == ClaimState.OBJECTION
    else:
        with pytest.raises(ClaimStepError, match="2025-04-21"):
            claims.file_objection(claim, filed_on=filed, user=handler)


def test_steps_out_of_order_say_why(handler) -> None:
    claim = submitted(handler)
    with pytest.raises(ClaimStepError, match="getaxeerd"):
        claims.decide(claim, decided_on=date(2025, 3, 10), user=handler)
    with pytest.raises(ClaimStepError):
        claims.pay(claim, paid_on=date(2025, 3, 10), user=handler)


def test_a_rejected_claim_is_not_paid(handler) -> None:
    claim = taxed(handler)
    claims.decide(
        claim, decided_on=date(2025, 3, 10), user=handler, payout=Decimal("0"), reason="te laat"
    )
    assert claim.outcome == "afgewezen"
    with pytest.raises(ClaimStepError, match="niets te betalen"):
        claims.pay(claim, paid_on=date(2025, 3, 20), user=handler)


def test_a_bad_application_names_the_field(handler) -> None:
    data = untaxed(EXAMPLE)
    data["aanvrager"]["iban"] = "NL00ABNA0000000000"
    with pytest.raises(ClaimError, match="aanvrager.iban"):
        claims.submit(data, user=handler)
    assert not Claim.objects.exists()


def test_the_payout_is_shared_over_eligible_items_in_exact_cents() -> None:
    class Item:
        def __init__(self, taxed):
            self.taxed = Decimal(taxed)

    items = [Item("1.00"), Item("1.00"), Item("1.00")]
    shares = claims.allocate(Decimal("100.00"), items, {0, 1, 2})
    assert sum(shares) == Decimal("100.00") and sorted(shares) == [Decimal("33.33")] * 2 + [
        Decimal("33.34")
    ]
    assert claims.allocate(Decimal("10.00"), items, {1}) == [0, Decimal("10.00"), 0]


def test_personal_data_is_removed_after_the_retention_period(handler, settings) -> None:
    claim = taxed(handler)
    claims.decide(
        claim, decided_on=date(2025, 3, 10), user=handler, payout=Decimal("10"), reason="x"
    )
    claims.close(claim, closed_on=date(2025, 4, 1), user=handler)
    assert claims.remove_personal_data(today=date(2032, 3, 30)) == 0  # 2555 days not yet passed
    assert claims.remove_personal_data(today=date(2032, 4, 1)) == 1
    claim.refresh_from_db()
    assert (claim.applicant, claim.kvk, claim.iban) == ("", "", "")
    assert [i.parcel for i in claim.items.all()] == ["perceel 1", "perceel 2"]
    assert claim.payout == Decimal("10.00")  # the figures stay
    # and the audit log never held them
    text = json.dumps([e.changes for e in LogEntry.objects.all()], default=str)
    assert "NL91ABNA0417164300" not in text and "Maatschap" not in text and "Westerbork" not in text
