"""The decision on a claim under a regime, every step explained and citing its article.

The order follows the national rules of 2014 (Stcrt. 2014, 22309), which the provinces
inherited: eligibility and the deadline, taxed damage, exclusions, prevention, own risk or
full payment, the minimum payout, rounding, and the fee refund as a separate cash flow.
Money is whole cents (int) or exact ``Decimal``; never a float.

An unknown parameter (tag NF in the regime) sends the claim to a person only when the
claim needs it: an unknown rounding rule does not matter for a payout in whole euros, and
an unknown scope of the own-risk minimum does not matter before anything was charged in
the reporting year.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from koers.faunaschade.rules.claim import Claim, ClaimError, DamageItem
from koers.faunaschade.rules.regime import Regime, Rule, Source, Unknown
from koers.faunaschade.rules.workdays import deadline, working_days_after

GRANTED, REJECTED, MANUAL = "toegekend", "afgewezen", "handmatig"


@dataclass(frozen=True)
class Step:
    number: int
    name: str
    amount_cents: int | None
    source: str
    explanation: str


@dataclass
class Decision:
    regime: str
    outcome: str = GRANTED
    payout_cents: int = 0
    fee_refund_cents: int = 0
    steps: list[Step] = field(default_factory=list)
    manual_reasons: list[str] = field(default_factory=list)
    rejection: str = ""
    provisional: list[str] = field(default_factory=list)
    handler_checks: list[str] = field(default_factory=list)
    #: Positions of the damage items that survived exclusions and prevention.
    eligible_items: list[int] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        """The JSON form printed by ``koers faunaschade beslis`` (keys Dutch, as the API)."""
        return {
            "regime": self.regime,
            "uitkomst": self.outcome,
            "tegemoetkoming": euros(self.payout_cents),
            "leges_terug": euros(self.fee_refund_cents),
            "afwijzing": self.rejection or None,
            "naar_behandelaar": self.manual_reasons,
            "voorlopig": self.provisional,
            "controlepunten": self.handler_checks,
            "posten_in_aanmerking": self.eligible_items,
            "stappen": [
                {
                    "stap": s.number,
                    "naam": s.name,
                    "bedrag": None if s.amount_cents is None else euros(s.amount_cents),
                    "bron": s.source,
                    "uitleg": s.explanation,
                }
                for s in self.steps
            ],
        }


def euros(amount_cents: int) -> str:
    sign = "-" if amount_cents < 0 else ""
    whole, rest = divmod(abs(amount_cents), 100)
    return f"{sign}{whole}.{rest:02d}"


def _nl(amount_cents: int | Decimal) -> str:
    """ "€ 1.234,56" for explanations a claims handler reads."""
    value = Decimal(amount_cents) / 100
    text = f"{value:,.2f}".replace(",", "·").replace(".", ",").replace("·", ".")
    return f"€ {text}"


def _pct(value: Decimal) -> str:
    return f"{(value * 100).normalize():f}%".replace(".", ",")


class _Calculation:
    def __init__(self, claim: Claim, regime: Regime) -> None:
        self.claim, self.regime = claim, regime
        self.decision = Decision(regime=regime.id)

    def step(self, name: str, amount: int | None, source: Source | str, explanation: str) -> None:
        label = source.label if isinstance(source, Source) else source
        number = len(self.decision.steps) + 1
        self.decision.steps.append(Step(number, name, amount, label, explanation))

    def manual(self, reason: str) -> None:
        self.decision.manual_reasons.append(reason)

    def reject(self, reason: str) -> Decision:
        self.decision.outcome, self.decision.rejection = REJECTED, reason
        self.decision.payout_cents = 0
        return self.decision

    # -- 0. eligibility ---------------------------------------------------------------
    def eligible(self) -> bool:
        claim, regime = self.claim, self.regime
        if not claim.professional:
            self.reject("alleen schade aan bedrijfsmatige landbouw komt in aanmerking")
            self.step("bedrijfsmatige landbouw", None, regime.source, self.decision.rejection)
            return False
        if isinstance(regime.fee, Unknown):
            if claim.fee_paid_cents == 0:
                self.manual("de hoogte van de leges is onbekend in dit regime; er is niets betaald")
        elif claim.fee_paid_cents < regime.fee.amount_cents:
            self.reject(
                f"de leges van {_nl(regime.fee.amount_cents)} zijn niet (volledig) betaald; "
                "de aanvraag wordt niet in behandeling genomen"
            )
            self.step("leges", claim.fee_paid_cents, regime.fee.source, self.decision.rejection)
            return False
        if isinstance(regime.deadline_working_days, Unknown):
            self.manual("de aanvraagtermijn is onbekend in dit regime")
            return True
        days = working_days_after(claim.noticed_on, claim.applied_on)
        last = deadline(claim.noticed_on, regime.deadline_working_days)
        if claim.applied_on < claim.noticed_on:
            self.reject("de aanvraagdatum ligt vóór de datum waarop de schade is geconstateerd")
            return False
        if claim.applied_on > last:
            self.reject(
                f"te laat aangevraagd: {days} werkdagen na het constateren, de termijn is "
                f"{regime.deadline_working_days} werkdagen (uiterlijk {last.isoformat()})"
            )
            self.step("aanvraagtermijn", None, regime.deadline_source, self.decision.rejection)
            return False
        self.step(
            "aanvraagtermijn",
            None,
            regime.deadline_source,
            f"aangevraagd {days} werkdag(en) na het constateren; termijn "
            f"{regime.deadline_working_days} werkdagen, uiterlijk {last.isoformat()}",
        )
        return True

    # -- 1. taxed damage ----------------------------------------------------------------
    def taxed(self) -> list[DamageItem]:
        items = list(self.claim.items)
        total = sum(item.taxed_cents for item in items)
        self.step(
            "getaxeerde schade",
            total,
            "taxatierapport",
            f"{len(items)} schadepost(en), samen {_nl(total)}",
        )
        return items

    # -- 2. exclusions ------------------------------------------------------------------
    def exclusions(self, items: list[DamageItem]) -> list[DamageItem]:
        rules = self.regime.exclusions
        if isinstance(rules, Unknown):
            self.manual("de uitsluitingen van dit regime zijn onbekend")
            self.step(
                "uitsluitingen", None, rules.source, "onbekend: beoordeling door een behandelaar"
            )
            return items
        kept = []
        for item in items:
            rule = _first(rules, item)
            if rule is None:
                kept.append(item)
                continue
            self.step(
                "uitsluiting",
                -item.taxed_cents,
                rule.source,
                f"{item.parcel} ({item.crop}, {item.species}, {item.damage_date.isoformat()}): "
                f"{rule.name}",
            )
        if len(kept) == len(items):
            self.step("uitsluitingen", 0, _rules_source(rules), "geen schadepost uitgesloten")
        return kept

    # -- 3. prevention --------------------------------------------------------------------
    def prevention(self, items: list[DamageItem]) -> list[DamageItem]:
        rule = self.regime.prevention
        if isinstance(rule, Unknown):
            self.manual("de preventie-eisen van dit regime zijn onbekend")
            self.step("preventie", None, rule.source, "onbekend: beoordeling door een behandelaar")
            return items
        exemption = self.claim.exemption
        if exemption.possible:
            if exemption.requested_on is None or (
                rule.exemption_by_damage_day and exemption.requested_on > self.claim.noticed_on
            ):
                when = exemption.requested_on.isoformat() if exemption.requested_on else "niet"
                total = sum(i.taxed_cents for i in items)
                self.step(
                    "ontheffing",
                    -total,
                    rule.source,
                    f"een ontheffing was mogelijk maar is {when} aangevraagd; uiterlijk op de dag "
                    f"van constateren ({self.claim.noticed_on.isoformat()}) was vereist",
                )
                return []
            if exemption.used_adequately is None:
                self.manual("of de ontheffing adequaat is gebruikt, beoordeelt een behandelaar")
            elif not exemption.used_adequately:
                total = sum(i.taxed_cents for i in items)
                self.step(
                    "ontheffing", -total, rule.source, "de ontheffing is niet adequaat gebruikt"
                )
                return []
        kept = []
        for item in items:
            if item.crop in rule.exempt_crops:
                kept.append(item)
                continue
            missing = [m for m in rule.measures_for(item) if m not in item.prevention]
            if missing:
                self.step(
                    "preventie",
                    -item.taxed_cents,
                    rule.source,
                    f"{item.parcel} ({item.crop}, {item.crop_category}): ontbrekende maatregel(en) "
                    f"{', '.join(missing)}",
                )
            else:
                kept.append(item)
        if len(kept) == len(items):
            self.step("preventie", 0, rule.source, "aan de preventie-eisen is voldaan")
        return kept

    # -- 4. own risk or full payment ---------------------------------------------------------
    def own_risk(self, items: list[DamageItem]) -> Decimal:
        regime = self.regime
        eligible = sum(i.taxed_cents for i in items)
        full = regime.full_payment
        special = regime.special_percentages
        in_full, charged = [], []
        for item in items:
            rule = None if isinstance(full, Unknown) else _first(full, item)
            if rule is not None:
                in_full.append(item)
                self.step(
                    "volledige vergoeding",
                    item.taxed_cents,
                    rule.source,
                    f"{item.parcel}: {rule.name}: geen eigen risico",
                )
            else:
                charged.append(item)
        if isinstance(full, Unknown) and charged:
            self.manual("of een zone of periode met volledige vergoeding geldt, is onbekend")
        percentage_part = Decimal(0)
        for item in charged:
            rule = None if isinstance(special, Unknown) else _first(special, item)
            if rule is not None and isinstance(rule.percentage, Unknown):
                self.manual(f"{item.parcel}: {rule.name}: het percentage is onbekend")
                continue
            if rule is not None and rule.percentage is not None:
                pct, source = rule.percentage, rule.source
                why = f"{rule.name}: {_pct(pct)}"
            elif isinstance(regime.own_risk, Unknown):
                self.manual("het percentage eigen risico is onbekend in dit regime")
                continue
            else:
                pct, source = regime.own_risk.percentage, regime.own_risk.source
                why = f"algemeen eigen risico {_pct(pct)}"
            part = pct * item.taxed_cents
            percentage_part += part
            self.step(
                "eigen risico",
                None,
                source,
                f"{item.parcel}: {why} van {_nl(item.taxed_cents)} = {_nl(part)}",
            )
        if isinstance(special, Unknown) and charged:
            self.manual("de bijzondere percentages eigen risico van dit regime zijn onbekend")
        base = sum(i.taxed_cents for i in charged)
        own_risk = percentage_part
        if charged and not isinstance(regime.own_risk, Unknown):
            minimum = self._minimum_left(regime)
            if minimum is not None and minimum > own_risk:
                self.step(
                    "minimum eigen risico",
                    None,
                    regime.own_risk.source,
                    f"het eigen risico is minstens {_nl(minimum)}"
                    + (
                        " (rest van het minimum in dit meldingsjaar)"
                        if self.claim.own_risk_minimum_charged_cents
                        else ""
                    ),
                )
                own_risk = Decimal(minimum)
        own_risk = min(own_risk, Decimal(base))
        payout = Decimal(eligible) - own_risk
        self.step(
            "na eigen risico",
            None,
            "berekening",
            f"{_nl(eligible)} in aanmerking − eigen risico {_nl(own_risk)} = {_nl(payout)}",
        )
        return payout

    def _minimum_left(self, regime: Regime) -> int | None:
        own = regime.own_risk
        assert not isinstance(own, Unknown)
        already = self.claim.own_risk_minimum_charged_cents
        if isinstance(own.minimum_cents, Unknown):
            self.manual(
                "of er een minimum eigen risico geldt, en hoe hoog, is onbekend in dit regime"
            )
            return None
        if not own.minimum_cents:
            return None
        if isinstance(own.minimum_scope, Unknown):
            if already:
                self.manual(
                    "of het minimum eigen risico per aanvraag of per bedrijf per meldingsjaar "
                    "geldt, is onbekend, en er is dit meldingsjaar al eigen risico betaald"
                )
                return None
            return own.minimum_cents
        if own.minimum_scope == "per_company_per_reporting_year":
            return max(0, own.minimum_cents - already)
        return own.minimum_cents

    # -- 5. minimum payout ---------------------------------------------------------------
    def minimum_payout(self, payout: Decimal) -> Decimal:
        minimum = self.regime.minimum_payout_cents
        if payout <= 0:
            return Decimal(0)
        if isinstance(minimum, Unknown):
            self.manual("het minimumbedrag voor uitbetaling is onbekend in dit regime")
            return payout
        if payout < minimum:
            self.step(
                "minimumbedrag",
                0,
                self.regime.minimum_payout_source,
                f"{_nl(payout)} is minder dan {_nl(minimum)}: er wordt niets uitgekeerd",
            )
            return Decimal(0)
        self.step(
            "minimumbedrag",
            None,
            self.regime.minimum_payout_source,
            f"{_nl(payout)} is minstens {_nl(minimum)}",
        )
        return payout

    # -- 6. rounding ------------------------------------------------------------------------
    def rounding(self, payout: Decimal) -> int:
        rule = self.regime.rounding
        if isinstance(rule, Unknown):
            if payout == payout.to_integral_value() and payout % 100 == 0:
                self.step(
                    "afronding", int(payout), rule.source, "hele euro's: afronden is niet nodig"
                )
                return int(payout)
            self.manual(f"de afrondingsregel is onbekend en {_nl(payout)} is geen heel eurobedrag")
            return int(payout.quantize(Decimal(1), ROUND_DOWN))
        if rule == "cents":
            rounded = payout.quantize(Decimal(1), ROUND_HALF_UP)
            text = "op hele centen, half naar boven"
        else:
            mode = ROUND_DOWN if rule == "euro_down" else ROUND_HALF_UP
            rounded = (payout / 100).quantize(Decimal(1), mode) * 100
            text = (
                "op hele euro's naar beneden"
                if rule == "euro_down"
                else "op hele euro's, half naar boven"
            )
        self.step(
            "afronding", int(rounded), self.regime.rounding_source, f"{_nl(payout)} afgerond {text}"
        )
        return int(rounded)

    # -- 7. fee refund ----------------------------------------------------------------------
    def fee_refund(self, items: list[DamageItem]) -> int:
        fee, paid = self.regime.fee, self.claim.fee_paid_cents
        if not paid:
            return 0
        if isinstance(fee, Unknown):
            self.manual("of de leges worden terugbetaald, is onbekend in dit regime")
            return 0
        species = {i.species for i in self.claim.items}
        granted = self.decision.payout_cents > 0
        if isinstance(fee.refund, Unknown) and not (
            fee.refund_species and species & set(fee.refund_species)
        ):
            self.manual("wanneer de leges worden terugbetaald, is onbekend in dit regime")
            return 0
        if fee.refund == "none_charged":
            refund, why = paid, "dit regime vraagt geen leges: het betaalde bedrag gaat terug"
        elif fee.refund_species and species & set(fee.refund_species):
            refund, why = (
                paid,
                f"schade door {', '.join(sorted(species & set(fee.refund_species)))}",
            )
        elif fee.refund == "on_approval" and granted:
            refund, why = paid, "terug omdat de tegemoetkoming is toegekend"
        elif fee.refund == "on_province_request":
            refund, why = 0, "alleen terug op verzoek van de provincie; dat verzoek is er niet"
        else:
            refund, why = 0, "niet terug"
        self.step("leges", refund, fee.source, f"{_nl(paid)} betaald; {why}")
        return refund

    def run(self) -> Decision:
        if not self.eligible():
            return self.decision
        items = self.taxed()
        items = self.exclusions(items)
        items = self.prevention(items)
        kept = {id(item) for item in items}
        self.decision.eligible_items = [
            i for i, item in enumerate(self.claim.items) if id(item) in kept
        ]
        payout = self.own_risk(items)
        payout = self.minimum_payout(payout)
        self.decision.payout_cents = self.rounding(payout)
        for rule in self.regime.provisional:
            if any(rule.when.matches(item) for item in items):
                self.decision.provisional.append(f"{rule.name} ({rule.source.label})")
        self.decision.handler_checks = [
            f"{check} ({src.label})" for check, src in self.regime.handler_checks
        ]
        self.decision.fee_refund_cents = self.fee_refund(items)
        if self.decision.manual_reasons:
            self.decision.outcome = MANUAL
        elif self.decision.payout_cents == 0:
            self.decision.outcome = REJECTED
            self.decision.rejection = "er blijft geen tegemoetkoming over"
        return self.decision


def _first(rules: tuple[Rule, ...], item: DamageItem) -> Rule | None:
    return next((rule for rule in rules if rule.when.matches(item)), None)


def _rules_source(rules: tuple[Rule, ...]) -> str:
    labels = sorted({r.source.label for r in rules})
    return "; ".join(labels) or "regime"


def decide(claim: Claim, regime: Regime) -> Decision:
    """Decide ``claim`` under ``regime``; the result names every step and its article."""
    if claim.untaxed:
        first = claim.untaxed[0]
        raise ClaimError(
            f"schadeposten[{first}].getaxeerd: ontbreekt; een aanvraag wordt beslist na de taxatie",
            field=f"schadeposten[{first}].getaxeerd",
        )
    return _Calculation(claim, regime).run()
