"""The provinces' regimes side by side on one date: every parameter, "onbekend" where unknown.

This answers the programme's question of how the provinces' rules differ. Plain data:
rows of (parameter, {province: Cell}); pages, the CLI and the API render it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from koers.faunaschade.rules.calculation import euros
from koers.faunaschade.rules.regime import Regime, Rule, Source, Unknown

PROVINCES = tuple(f"PV{n}" for n in range(20, 32))
UNKNOWN = "onbekend"

PARAMETERS = (
    ("regime", "Regeling"),
    ("valid_from", "Geldig vanaf"),
    ("decisive_date", "Bepalende datum"),
    ("fee", "Leges"),
    ("fee_refund", "Leges terug"),
    ("own_risk", "Eigen risico"),
    ("own_risk_minimum", "Minimum eigen risico"),
    ("minimum_scope", "Minimum geldt"),
    ("special_percentages", "Bijzondere percentages"),
    ("full_payment", "Volledige vergoeding"),
    ("exclusions", "Uitsluitingen"),
    ("prevention", "Preventie"),
    ("minimum_payout", "Minimale uitbetaling"),
    ("deadline", "Aanvraagtermijn"),
    ("rounding", "Afronding"),
)

REFUNDS = {
    "never": "nooit",
    "on_approval": "bij toekenning",
    "on_province_request": "op verzoek van de provincie",
    "none_charged": "geen leges",
}
SCOPES = {
    "per_claim": "per aanvraag",
    "per_company_per_reporting_year": "per bedrijf per meldingsjaar",
}
ROUNDING = {
    "cents": "op centen",
    "euro_down": "op hele euro's naar beneden",
    "euro_half_up": "op hele euro's",
}
DECISIVE = {"application": "aanvraagdatum", "damage": "schadedatum", "unknown": UNKNOWN}


@dataclass(frozen=True)
class Cell:
    text: str
    source: str
    tag: str

    @property
    def known(self) -> bool:
        return self.text != UNKNOWN


def _cell(value: object, source: Source) -> Cell:
    if isinstance(value, Unknown):
        return Cell(UNKNOWN, value.source.label, "NF")
    return Cell(str(value), source.label, source.tag)


def _percent(value: Decimal) -> str:
    return f"{(value * 100).normalize():f}%".replace(".", ",")


def _money(cents: int | Unknown) -> object:
    return cents if isinstance(cents, Unknown) else f"€ {euros(cents).replace('.', ',')}"


def _rules(rules: tuple[Rule, ...] | Unknown) -> object:
    if isinstance(rules, Unknown):
        return rules
    if not rules:
        return "geen"
    return "; ".join(
        rule.name
        + (
            " (percentage onbekend)"
            if isinstance(rule.percentage, Unknown)
            else f" ({_percent(rule.percentage)})"
            if rule.percentage is not None
            else ""
        )
        for rule in rules
    )


def cells(regime: Regime) -> dict[str, Cell]:
    """Every compared parameter of one regime, with its source and tag."""
    fee, own = regime.fee, regime.own_risk
    fee_source = regime.source if isinstance(fee, Unknown) else fee.source
    own_source = regime.source if isinstance(own, Unknown) else own.source

    def rule_source(rules: tuple[Rule, ...] | Unknown) -> Source:
        if isinstance(rules, Unknown) or not rules:
            return rules.source if isinstance(rules, Unknown) else regime.source
        return rules[0].source

    prevention = regime.prevention
    return {
        "regime": Cell(regime.title, regime.source.label, regime.source.tag),
        "valid_from": Cell(regime.valid_from.isoformat(), regime.source.label, regime.source.tag),
        "decisive_date": Cell(
            DECISIVE[regime.decisive_date], regime.source.label, regime.source.tag
        ),
        "fee": _cell(fee if isinstance(fee, Unknown) else _money(fee.amount_cents), fee_source),
        "fee_refund": _cell(
            fee
            if isinstance(fee, Unknown)
            else fee.refund
            if isinstance(fee.refund, Unknown)
            else REFUNDS[fee.refund]
            + (f"; altijd bij {', '.join(fee.refund_species)}" if fee.refund_species else ""),
            fee_source,
        ),
        "own_risk": _cell(
            own if isinstance(own, Unknown) else _percent(own.percentage),
            own_source,
        ),
        "own_risk_minimum": _cell(
            own if isinstance(own, Unknown) else _money(own.minimum_cents), own_source
        ),
        "minimum_scope": _cell(
            own
            if isinstance(own, Unknown)
            else own.minimum_scope
            if isinstance(own.minimum_scope, Unknown)
            else SCOPES[own.minimum_scope],
            own_source,
        ),
        "special_percentages": _cell(
            _rules(regime.special_percentages), rule_source(regime.special_percentages)
        ),
        "full_payment": _cell(_rules(regime.full_payment), rule_source(regime.full_payment)),
        "exclusions": _cell(_rules(regime.exclusions), rule_source(regime.exclusions)),
        "prevention": _cell(
            prevention
            if isinstance(prevention, Unknown)
            else "; ".join(f"{k}: {', '.join(v)}" for k, v in prevention.required.items()),
            regime.source if isinstance(prevention, Unknown) else prevention.source,
        ),
        "minimum_payout": _cell(_money(regime.minimum_payout_cents), regime.minimum_payout_source),
        "deadline": _cell(
            regime.deadline_working_days
            if isinstance(regime.deadline_working_days, Unknown)
            else f"{regime.deadline_working_days} werkdagen",
            regime.deadline_source,
        ),
        "rounding": _cell(
            regime.rounding if isinstance(regime.rounding, Unknown) else ROUNDING[regime.rounding],
            regime.rounding_source,
        ),
    }


def in_force(regimes: Iterable[Regime], on: date) -> dict[str, Regime | None]:
    """Each province's regime in force on ``on`` (by its own validity dates)."""
    found: dict[str, Regime | None] = dict.fromkeys(PROVINCES)
    for regime in regimes:
        if regime.province in found and regime.in_force_on(on):
            found[regime.province] = regime
    return found


def compare(regimes: Iterable[Regime], on: date) -> list[tuple[str, str, dict[str, Cell | None]]]:
    """Rows (key, label, {province: cell}) for every parameter; None where no regime is known."""
    per_province = {
        province: (cells(regime) if regime else None)
        for province, regime in in_force(regimes, on).items()
    }
    return [
        (key, label, {p: (c[key] if c else None) for p, c in per_province.items()})
        for key, label in PARAMETERS
    ]
