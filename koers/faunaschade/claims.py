"""The claims process: application → taxation → decision → payment → objection.

Each step is one function that checks the state, records its date and saves; the actor
of every change is in the audit log (personal fields are kept out of it, see apps.py).
The decision is computed by the plain rules library under the regime in force; a claims
handler may override it with a reason, and must decide by hand when the regime lacks a
value the claim needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import wraps
from typing import Any

from django.db import transaction
from django.utils import timezone

from koers.accounts.audit import acting_for
from koers.accounts.permissions import Action, require
from koers.areas.models import Area
from koers.config import config
from koers.errors import KoersError
from koers.faunaschade.models import Claim, ClaimState, DamageItem, Outcome
from koers.faunaschade.rules import calculation
from koers.faunaschade.rules.claim import ClaimError, read_claim
from koers.faunaschade.rules.regime import MAX_EUROS, regime_for
from koers.faunaschade.rules.shipped import shipped_regimes, shipped_species

#: BIJ12's aims (fact sheet §1, secondary sources): taxation report within 6 weeks,
#: a decision within 10 weeks of the application; objection within 6 weeks (Awb 6:7).
TAXATION_WEEKS, DECISION_WEEKS, OBJECTION_WEEKS = 6, 10, 6


class ClaimStepError(KoersError):
    """A step that does not fit the claim's state or data; names what is wrong."""

    code = "claim_step"
    title = "Stap niet mogelijk"


def _step(function):
    """A step of the process: a claims handler only, all or nothing, and its actor named."""

    @wraps(function)
    def step(*args, user, **kwargs):
        require(user, Action.HANDLE_CLAIMS)
        with transaction.atomic(), acting_for(user):
            return function(*args, user=user, **kwargs)

    return step


def _expect(claim: Claim, *states: str) -> None:
    if claim.state not in states:
        allowed = " of ".join(str(ClaimState(s).label) for s in states)
        raise ClaimStepError(
            f"aanvraag {claim.pk} is {ClaimState(claim.state).label}; deze stap kan alleen als "
            f"zij {allowed} is"
        )


def as_rules_claim(claim: Claim):
    """The stored claim in the rules library's form (the same JSON a handler writes)."""
    return read_claim(claim_json(claim), shipped_species())


def claim_json(claim: Claim) -> dict[str, Any]:
    return {
        "provincie": claim.province.code,
        "aanvraagdatum": claim.applied_on.isoformat(),
        "schade_geconstateerd": claim.noticed_on.isoformat(),
        "aanvrager": {"kvk": claim.kvk, "iban": claim.iban, "bedrijfsmatig": claim.professional},
        "leges_betaald": f"{claim.fee_paid:.2f}",
        "eigen_risico_minimum_al_betaald": f"{claim.own_risk_minimum_charged:.2f}",
        "ontheffing": {
            "mogelijk": claim.exemption_possible,
            "aangevraagd_op": claim.exemption_requested_on.isoformat()
            if claim.exemption_requested_on
            else None,
            "adequaat_gebruikt": claim.exemption_used_adequately,
        },
        "schadeposten": [
            {
                "perceel": item.parcel,
                "gewas": item.crop,
                "gewascategorie": item.crop_category,
                "soort": item.species,
                "getaxeerd": None if item.taxed is None else f"{item.taxed:.2f}",
                "schadedatum": item.damage_date.isoformat(),
                "gebieden": item.zones,
                "preventie": item.prevention,
                "bijproduct": item.by_product,
            }
            for item in claim.items.all()
        ],
    }


@_step
def submit(data: dict[str, Any], *, user, applicant: str = "") -> Claim:
    """Record an application from the claim JSON (as in docs/faunaschade.md)."""
    parsed = read_claim(data, shipped_species())  # ClaimError names the field
    province = Area.objects.filter(code=parsed.province, type="provincie").first()
    if province is None:
        raise ClaimError(f"provincie: {parsed.province!r} is geen provinciecode (PV20–PV31)")
    claim = Claim.objects.create(
        province=province,
        applicant=applicant,
        kvk=parsed.kvk,
        iban=parsed.iban,
        professional=parsed.professional,
        applied_on=parsed.applied_on,
        noticed_on=parsed.noticed_on,
        fee_paid=Decimal(parsed.fee_paid_cents) / 100,
        own_risk_minimum_charged=Decimal(parsed.own_risk_minimum_charged_cents) / 100,
        exemption_possible=parsed.exemption.possible,
        exemption_requested_on=parsed.exemption.requested_on,
        exemption_used_adequately=parsed.exemption.used_adequately,
        created_by=user,
    )
    DamageItem.objects.bulk_create(
        DamageItem(
            claim=claim,
            parcel=item.parcel,
            crop=item.crop,
            crop_category=item.crop_category,
            species=item.species,
            damage_date=item.damage_date,
            zones=list(item.zones),
            prevention=list(item.prevention),
            by_product=item.by_product,
            taxed=None if item.taxed_cents is None else Decimal(item.taxed_cents) / 100,
        )
        for item in parsed.items
    )
    return claim


@_step
def record_taxation(claim: Claim, amounts: dict[int, Decimal], *, taxed_on: date, user) -> Claim:
    """The assessor's taxed damage per item (pk → euros)."""
    _expect(claim, ClaimState.SUBMITTED, ClaimState.TAXED)
    items = list(claim.items.all())
    missing = [item.parcel for item in items if item.pk not in amounts]
    if missing:
        raise ClaimStepError(f"taxatie ontbreekt voor: {', '.join(missing)}")
    for item in items:
        amount = amounts[item.pk]
        if not _whole_cents(amount):
            raise ClaimStepError(
                f"{item.parcel}: {amount} is geen bedrag in hele centen tussen 0 en {MAX_EUROS}"
            )
        item.taxed = amount
        item.save(update_fields=["taxed"])
    if taxed_on < claim.applied_on:
        raise ClaimStepError("de taxatiedatum ligt vóór de aanvraagdatum")
    claim.taxed_on, claim.state = taxed_on, ClaimState.TAXED
    claim.save(update_fields=["taxed_on", "state"])
    return claim


@dataclass(frozen=True)
class Proposal:
    """What the rules compute for a claim, before a person decides."""

    regime: str | None
    decision: calculation.Decision | None
    reason: str = ""


def propose(claim: Claim) -> Proposal:
    parsed = as_rules_claim(claim)
    regime = regime_for(shipped_regimes(), parsed.province, parsed.decisive_dates)
    if regime is None:
        return Proposal(
            None, None, "geen regime van deze provincie geldt op de aanvraag- en schadedatum"
        )
    return Proposal(regime.id, calculation.decide(parsed, regime))


@_step
def decide(
    claim: Claim,
    *,
    decided_on: date,
    user,
    payout: Decimal | None = None,
    reason: str = "",
) -> Claim:
    """Record the decision: the computed one, or a handler's own amount with a reason.

    A computed outcome "handmatig" (the regime lacks a value) or no regime at all can only
    be decided with the handler's own amount and reason.
    """
    _expect(claim, ClaimState.TAXED)
    proposal = propose(claim)
    computed = proposal.decision
    needs_person = computed is None or computed.outcome == calculation.MANUAL
    reason = reason.strip()
    if payout is None and needs_person:
        why = proposal.reason or "; ".join(computed.manual_reasons)  # type: ignore[union-attr]
        raise ClaimStepError(f"deze aanvraag beslist een behandelaar zelf, met reden: {why}")
    if payout is not None and not reason:
        raise ClaimStepError("een eigen bedrag vraagt een reden")
    if payout is not None and not _whole_cents(payout):
        raise ClaimStepError(f"{payout} is geen bedrag in hele centen tussen 0 en {MAX_EUROS}")
    if decided_on < claim.applied_on:
        raise ClaimStepError("de besluitdatum ligt vóór de aanvraagdatum")
    taxed = sum((item.taxed or Decimal(0) for item in claim.items.all()), Decimal(0))
    if payout is not None and payout > taxed:  # no regime pays more than 100%
        raise ClaimStepError(
            f"het eigen bedrag {payout:.2f} is meer dan de getaxeerde schade {taxed:.2f}"
        )
    amount = payout if payout is not None else Decimal(computed.payout_cents) / 100  # type: ignore[union-attr]
    claim.regime = proposal.regime or ""
    claim.computed = computed.as_dict() if computed else {"reden": proposal.reason}
    claim.payout = amount
    claim.fee_refund = Decimal(computed.fee_refund_cents) / 100 if computed else Decimal(0)
    claim.outcome = Outcome.GRANTED if amount > 0 else Outcome.REJECTED
    claim.override_reason = reason if payout is not None else ""
    claim.decided_on, claim.state = decided_on, ClaimState.DECIDED
    claim.save()
    items = list(claim.items.all())
    eligible = computed.eligible_items if computed and payout is None else range(len(items))
    for item, share in zip(items, allocate(amount, items, set(eligible)), strict=True):
        item.paid = share
        item.save(update_fields=["paid"])
    return claim


def _whole_cents(amount: Decimal) -> bool:
    """Finite, 0 to MAX_EUROS, whole cents (the bound first: quantize fails past it)."""
    return (
        amount.is_finite()
        and 0 <= amount <= MAX_EUROS
        and amount == amount.quantize(Decimal("0.01"))
    )


def allocate(amount: Decimal, items: list[DamageItem], eligible: set[int]) -> list[Decimal]:
    """``amount`` over the eligible items by taxed damage, in cents that add up exactly."""
    cents = int(amount * 100)
    eligible = eligible or set(range(len(items)))
    weights = [int((item.taxed or 0) * 100) if i in eligible else 0 for i, item in enumerate(items)]
    if not sum(weights):  # nothing taxed (a handler's own amount): in equal parts
        weights = [1 if i in eligible else 0 for i in range(len(items))]
    total = sum(weights)
    shares = [cents * w // total for w in weights]
    remainders = sorted(range(len(items)), key=lambda i: (-(cents * weights[i] % total), i))
    for i in remainders[: cents - sum(shares)]:
        shares[i] += 1
    return [Decimal(share) / 100 for share in shares]


@_step
def pay(claim: Claim, *, paid_on: date, user) -> Claim:
    _expect(claim, ClaimState.DECIDED)
    if claim.outcome != Outcome.GRANTED:
        raise ClaimStepError(f"aanvraag {claim.pk} is afgewezen: er valt niets te betalen")
    if paid_on < claim.decided_on:
        raise ClaimStepError("de betaaldatum ligt vóór de besluitdatum")
    claim.paid_on, claim.state = paid_on, ClaimState.PAID
    claim.save(update_fields=["paid_on", "state"])
    return claim


def objection_deadline(claim: Claim) -> date | None:
    return claim.decided_on + timedelta(weeks=OBJECTION_WEEKS) if claim.decided_on else None


@_step
def file_objection(claim: Claim, *, filed_on: date, user) -> Claim:
    """An objection (bezwaar) within six weeks of the decision."""
    _expect(claim, ClaimState.DECIDED, ClaimState.PAID)
    last = objection_deadline(claim)
    if filed_on < claim.decided_on or filed_on > last:  # type: ignore[operator]
        raise ClaimStepError(
            f"bezwaar kan van {claim.decided_on.isoformat()} tot en met {last.isoformat()} "  # type: ignore[union-attr]
            f"(zes weken na het besluit); {filed_on.isoformat()} valt daarbuiten"
        )
    claim.objection_filed_on, claim.state = filed_on, ClaimState.OBJECTION
    claim.save(update_fields=["objection_filed_on", "state"])
    return claim


@_step
def close(claim: Claim, *, closed_on: date, user, result: str = "") -> Claim:
    _expect(claim, ClaimState.DECIDED, ClaimState.PAID, ClaimState.OBJECTION)
    if claim.state == ClaimState.OBJECTION and not result.strip():
        raise ClaimStepError("een bezwaar wordt afgehandeld met een uitkomst")
    for earlier, what in (
        (claim.decided_on, "besluitdatum"),
        (claim.objection_filed_on, "bezwaar"),
    ):
        if earlier and closed_on < earlier:
            raise ClaimStepError(
                f"de afhandeldatum {closed_on.isoformat()} ligt vóór de {what} "
                f"{earlier.isoformat()}"
            )
    claim.objection_result = result.strip() or claim.objection_result
    claim.closed_on, claim.state = closed_on, ClaimState.CLOSED
    claim.save(update_fields=["objection_result", "closed_on", "state"])
    return claim


def next_deadline(claim: Claim) -> tuple[str, date] | None:
    """The next date the claims handler works towards, for the workspace list."""
    if claim.state == ClaimState.SUBMITTED:
        return "taxatierapport", claim.applied_on + timedelta(weeks=TAXATION_WEEKS)
    if claim.state == ClaimState.TAXED:
        return "besluit", claim.applied_on + timedelta(weeks=DECISION_WEEKS)
    if claim.state in (ClaimState.DECIDED, ClaimState.PAID):
        return "einde bezwaartermijn", objection_deadline(claim)  # type: ignore[return-value]
    return None


def remove_personal_data(*, today: date | None = None) -> int:
    """Blank the personal fields of claims closed longer than the retention period ago.

    The figures (province, species, crop, amounts, dates) stay for the monitor.
    """
    today = today or timezone.localdate()
    cutoff = today - timedelta(days=config("KOERS_FAUNASCHADE_RETENTION_DAYS"))
    done = 0
    claims = Claim.objects.filter(
        state=ClaimState.CLOSED, closed_on__lt=cutoff, personal_data_removed_at__isnull=True
    )
    for claim in claims:
        with transaction.atomic():
            claim.applicant, claim.kvk, claim.iban = "", "", ""
            claim.personal_data_removed_at = timezone.now()
            claim.save(update_fields=["applicant", "kvk", "iban", "personal_data_removed_at"])
            for position, item in enumerate(claim.items.all(), start=1):
                item.parcel = f"perceel {position}"
                item.save(update_fields=["parcel"])
        done += 1
    return done
