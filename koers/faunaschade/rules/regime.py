"""A province's policy rule for wildlife-damage compensation, as data.

A regime is read from a YAML file (``koers/faunaschade/regimes/*.yaml``, format in
``docs/faunaschade.md``). Every parameter carries where it comes from: the article it was
read in (tag ``R``), a secondary source (``S``), or ``NF`` (not found). A parameter tagged
``NF`` is :class:`Unknown`: a claim that needs it is never decided automatically.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from koers.errors import KoersError

TAGS = {"R": "gelezen in de regeltekst", "S": "secundaire bron", "NF": "niet gevonden"}
DECISIVE_DATES = ("application", "damage", "unknown")
FEE_REFUNDS = ("never", "on_approval", "on_province_request", "none_charged")
MINIMUM_SCOPES = ("per_claim", "per_company_per_reporting_year")
ROUNDINGS = ("cents", "euro_down", "euro_half_up")


class RegimeError(KoersError):
    """A regime file that cannot be read: names the file, the parameter and the value."""

    code = "regime_invalid"
    title = "Onjuist regime"


@dataclass(frozen=True)
class Source:
    """Where a value comes from: an article of the rule, or a secondary source."""

    tag: str
    article: str = ""
    url: str = ""
    note: str = ""

    @property
    def label(self) -> str:
        where = self.article or self.url or TAGS[self.tag]
        return f"{where} [{self.tag}]"


@dataclass(frozen=True)
class Unknown:
    """A parameter the known sources do not give: never guessed, always a person's call."""

    name: str
    source: Source


@dataclass(frozen=True)
class Period:
    """A yearly recurring period, "MM-DD..MM-DD", both ends included; may cross New Year."""

    start: tuple[int, int]
    end: tuple[int, int]

    @classmethod
    def parse(cls, text: str) -> Period:
        first, _, last = text.partition("..")
        return cls(_month_day(first), _month_day(last))

    def contains(self, day: date) -> bool:
        key = (day.month, day.day)
        if self.start <= self.end:
            return self.start <= key <= self.end
        return key >= self.start or key <= self.end

    def __str__(self) -> str:
        return f"{self.start[1]}-{self.start[0]} t/m {self.end[1]}-{self.end[0]}"


@dataclass(frozen=True)
class Condition:
    """When a special rule applies to a damage item; an empty list means "any"."""

    species: tuple[str, ...] = ()
    crops: tuple[str, ...] = ()
    crop_categories: tuple[str, ...] = ()
    zones: tuple[str, ...] = ()
    period: Period | None = None
    by_product: bool | None = None

    @staticmethod
    def species_of(item: Any) -> set[str]:
        """The item's species code and its groups ("@vogel", "@gans") from soorten.yaml."""
        return {item.species, *(f"@{group}" for group in item.species_groups)}

    def matches(self, item: Any) -> bool:
        return (
            (not self.species or bool(self.species_of(item) & set(self.species)))
            and (not self.crops or item.crop in self.crops)
            and (not self.crop_categories or item.crop_category in self.crop_categories)
            and (not self.zones or bool(set(self.zones) & set(item.zones)))
            and (self.period is None or self.period.contains(item.damage_date))
            and (self.by_product is None or item.by_product == self.by_product)
        )


@dataclass(frozen=True)
class Rule:
    """A named exclusion, full-payment or special-percentage rule with its source."""

    name: str
    when: Condition
    source: Source
    #: own risk for a special-percentage rule; Unknown: the rule applies, a person sets it
    percentage: Decimal | Unknown | None = None


@dataclass(frozen=True)
class Fee:
    amount_cents: int
    refund: str | Unknown
    refund_species: tuple[str, ...]
    source: Source


@dataclass(frozen=True)
class OwnRisk:
    percentage: Decimal
    minimum_cents: int | Unknown
    minimum_scope: str | Unknown
    source: Source


@dataclass(frozen=True)
class Prevention:
    """Measures required per crop category; crops exempt; the exemption (ontheffing) rule."""

    required: dict[str, tuple[str, ...]]
    exempt_crops: tuple[str, ...]
    exemption_by_damage_day: bool
    source: Source

    def measures_for(self, item: Any) -> tuple[str, ...]:
        """Measures for the item's crop category; "kapitaalintensief/@zoogdier" narrows it."""
        measures: list[str] = list(self.required.get(item.crop_category, ()))
        for species in sorted(Condition.species_of(item)):
            measures += self.required.get(f"{item.crop_category}/{species}", ())
        return tuple(dict.fromkeys(measures))


@dataclass(frozen=True)
class Regime:
    id: str
    province: str
    title: str
    valid_from: date
    valid_to: date | None
    decisive_date: str
    source: Source
    fee: Fee | Unknown
    own_risk: OwnRisk | Unknown
    special_percentages: tuple[Rule, ...] | Unknown
    full_payment: tuple[Rule, ...] | Unknown
    exclusions: tuple[Rule, ...] | Unknown
    prevention: Prevention | Unknown
    minimum_payout_cents: int | Unknown
    minimum_payout_source: Source
    deadline_working_days: int | Unknown
    deadline_source: Source
    rounding: str | Unknown
    rounding_source: Source
    provisional: tuple[Rule, ...] = ()
    handler_checks: tuple[tuple[str, Source], ...] = ()
    notes: tuple[str, ...] = field(default=())

    def in_force_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


#: The largest amount a regime or claim may name (what the database keeps: 10 digits).
MAX_EUROS = Decimal("99999999.99")


def cents(value: object, where: str) -> int:
    """Euros as written in a regime or claim ("300.00") → whole cents, never a float."""
    if isinstance(value, float):
        raise RegimeError(
            f'{where}: schrijf bedragen als tekst, zoals "300.00", niet als {value!r}'
        )
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise RegimeError(f"{where}: {value!r} is geen bedrag") from None
    if not amount.is_finite() or amount < 0:
        raise RegimeError(f"{where}: {value!r} is geen bedrag in hele centen")
    if amount > MAX_EUROS:  # checked first: quantize() fails on numbers this large
        raise RegimeError(f"{where}: {value!r} is groter dan het hoogste bedrag, {MAX_EUROS}")
    if amount != amount.quantize(Decimal("0.01")):
        raise RegimeError(f"{where}: {value!r} is geen bedrag in hele centen")
    return int(amount * 100)


def percentage(value: object, where: str) -> Decimal:
    try:
        pct = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise RegimeError(f"{where}: {value!r} is geen percentage") from None
    if not pct.is_finite() or not Decimal(0) <= pct <= Decimal(1):
        raise RegimeError(f"{where}: {value!r} ligt niet tussen 0 en 1 (5% schrijf je als 0.05)")
    return pct


def _month_day(text: str) -> tuple[int, int]:
    try:
        month, day = (int(part) for part in text.strip().split("-"))
        date(2024, month, day)  # a leap year, so 02-29 is allowed
    except ValueError:
        raise RegimeError(f"periode {text!r}: schrijf MM-DD..MM-DD, zoals 11-01..04-01") from None
    return month, day


class _Reader:
    """Reads one regime mapping; every error names the file and the parameter."""

    def __init__(self, data: dict[str, Any], origin: str) -> None:
        self.data = data
        self.origin = origin

    def fail(self, where: str, message: str) -> RegimeError:
        return RegimeError(f"{self.origin}: {where}: {message}", file=self.origin, parameter=where)

    def source(self, entry: dict[str, Any], where: str, default_tag: str | None = None) -> Source:
        tag = entry.get("tag", default_tag)
        if tag not in TAGS:
            raise self.fail(where, f"tag {tag!r} moet R, S of NF zijn")
        return Source(
            tag=tag,
            article=str(entry.get("article", "")),
            url=str(entry.get("url", "")),
            note=str(entry.get("note", "")),
        )

    def param(self, name: str) -> dict[str, Any] | Unknown:
        entry = self.data.get("parameters", {}).get(name)
        if entry is None:
            raise self.fail(name, "ontbreekt; schrijf {tag: NF} als de waarde onbekend is")
        if not isinstance(entry, dict):
            raise self.fail(name, f"verwacht een mapping, kreeg {entry!r}")
        source = self.source(entry, name)
        if source.tag == "NF":
            return Unknown(name, source)
        return entry

    def rules(self, name: str, with_percentage: bool = False) -> tuple[Rule, ...] | Unknown:
        entry = self.param(name)
        if isinstance(entry, Unknown):
            return entry
        rules = []
        for index, raw in enumerate(entry.get("rules", [])):
            where = f"{name}.rules[{index}]"
            try:
                when = Condition(
                    species=tuple(raw.get("species", ())),
                    crops=tuple(raw.get("crops", ())),
                    crop_categories=tuple(raw.get("crop_categories", ())),
                    zones=tuple(raw.get("zones", ())),
                    period=Period.parse(raw["period"]) if raw.get("period") else None,
                    by_product=raw.get("by_product"),
                )
            except RegimeError as exc:
                raise self.fail(where, exc.message) from None
            inherited = {k: entry[k] for k in ("tag", "article", "url") if k in entry}
            source = self.source({**inherited, **raw}, where)
            pct: Decimal | Unknown | None = None
            if with_percentage:
                if raw.get("percentage") in (None, ""):
                    raise self.fail(
                        where, "percentage ontbreekt (schrijf unknown als de bron hem niet geeft)"
                    )
                if raw["percentage"] == "unknown":  # the rule is known, its share is not
                    pct = Unknown(f"{where}.percentage", source)
                else:
                    try:
                        pct = percentage(raw["percentage"], where)
                    except RegimeError as exc:
                        raise self.fail(where, exc.message) from None
            rules.append(Rule(str(raw["name"]), when, source, pct))
        return tuple(rules)

    def regime(self) -> Regime:
        d = self.data
        for key in ("id", "province", "title", "valid_from", "decisive_date", "source"):
            if key not in d:
                raise self.fail(key, "ontbreekt")
        if d["decisive_date"] not in DECISIVE_DATES:
            raise self.fail(
                "decisive_date", f"{d['decisive_date']!r} moet application of damage zijn"
            )
        fee = self.param("fee")
        if not isinstance(fee, Unknown):
            refund = fee.get("refund")
            if refund is None:
                refund = Unknown("fee.refund", self.source(fee, "fee"))
            elif refund not in FEE_REFUNDS:
                raise self.fail("fee.refund", f"{refund!r} moet een van {FEE_REFUNDS} zijn")
            fee = Fee(
                cents(fee["amount"], "fee.amount"),
                refund,
                tuple(fee.get("refund_species", ())),
                self.source(fee, "fee"),
            )
        own = self.param("own_risk")
        if not isinstance(own, Unknown):
            scope = own.get("minimum_scope")
            if scope is None:
                scope = Unknown("own_risk.minimum_scope", self.source(own, "own_risk"))
            elif scope not in MINIMUM_SCOPES:
                raise self.fail(
                    "own_risk.minimum_scope", f"{scope!r} moet een van {MINIMUM_SCOPES} zijn"
                )
            minimum = own.get("minimum")
            own = OwnRisk(
                percentage(own["percentage"], "own_risk.percentage"),
                Unknown("own_risk.minimum", self.source(own, "own_risk"))
                if minimum is None
                else cents(minimum, "own_risk.minimum"),
                scope,
                self.source(own, "own_risk"),
            )
        prevention = self.param("prevention")
        if not isinstance(prevention, Unknown):
            prevention = Prevention(
                {k: tuple(v) for k, v in prevention.get("required", {}).items()},
                tuple(prevention.get("exempt_crops", ())),
                bool(prevention.get("exemption_by_damage_day", False)),
                self.source(prevention, "prevention"),
            )
        minimum = self.param("minimum_payout")
        deadline = self.param("deadline")
        rounding = self.param("rounding")
        if not isinstance(rounding, Unknown) and rounding.get("rule") not in ROUNDINGS:
            raise self.fail(
                "rounding.rule", f"{rounding.get('rule')!r} moet een van {ROUNDINGS} zijn"
            )
        provisional = self.data.get("parameters", {}).get("provisional")
        return Regime(
            id=str(d["id"]),
            province=str(d["province"]),
            title=str(d["title"]),
            valid_from=_date(d["valid_from"], self, "valid_from"),
            valid_to=_date(d["valid_to"], self, "valid_to") if d.get("valid_to") else None,
            decisive_date=d["decisive_date"],
            source=self.source(d["source"], "source"),
            fee=fee,
            own_risk=own,
            special_percentages=self.rules("special_percentages", with_percentage=True),
            full_payment=self.rules("full_payment"),
            exclusions=self.rules("exclusions"),
            prevention=prevention,
            minimum_payout_cents=minimum
            if isinstance(minimum, Unknown)
            else cents(minimum["amount"], "minimum_payout.amount"),
            minimum_payout_source=_source_of(minimum, self, "minimum_payout"),
            deadline_working_days=deadline
            if isinstance(deadline, Unknown)
            else _positive_int(deadline["working_days"], self, "deadline.working_days"),
            deadline_source=_source_of(deadline, self, "deadline"),
            rounding=rounding if isinstance(rounding, Unknown) else rounding["rule"],
            rounding_source=_source_of(rounding, self, "rounding"),
            provisional=self.rules("provisional") if provisional else (),  # type: ignore[arg-type]
            handler_checks=tuple(
                (str(item["check"]), self.source(item, "handler_checks"))
                for item in d.get("handler_checks", ())
            ),
            notes=tuple(str(note) for note in d.get("notes", ())),
        )


def _source_of(entry: dict[str, Any] | Unknown, reader: _Reader, name: str) -> Source:
    return entry.source if isinstance(entry, Unknown) else reader.source(entry, name)


def _date(value: object, reader: _Reader, name: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise reader.fail(name, f"{value!r} is geen datum (JJJJ-MM-DD)") from None


def _positive_int(value: object, reader: _Reader, name: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise reader.fail(name, f"{value!r} is geen positief geheel getal")
    return value


def read_regime(data: dict[str, Any], origin: str = "<regime>") -> Regime:
    if not isinstance(data, dict):
        raise RegimeError(f"{origin}: een regime is een mapping, kreeg {type(data).__name__}")
    try:
        return _Reader(data, origin).regime()
    except RegimeError as exc:
        if exc.message.startswith(f"{origin}:"):
            raise
        raise RegimeError(f"{origin}: {exc.message}", file=origin) from None


def load_regimes(paths: Iterable[Path]) -> list[Regime]:
    """Read regime files; ids are unique and a province's regimes never overlap in time."""
    regimes = []
    for path in sorted(paths):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise RegimeError(f"{path.name}: geen geldige YAML ({exc})", file=path.name) from None
        regimes.append(read_regime(data, path.name))
    _check_unique(regimes)
    return regimes


def _check_unique(regimes: list[Regime]) -> None:
    seen: dict[str, Regime] = {}
    for regime in regimes:
        if regime.id in seen:
            raise RegimeError(f"regime {regime.id} staat twee keer in de regimes")
        seen[regime.id] = regime
    by_province: dict[str, list[Regime]] = {}
    for regime in regimes:
        by_province.setdefault(regime.province, []).append(regime)
    for province, own in by_province.items():
        own.sort(key=lambda r: r.valid_from)
        for earlier, later in zip(own, own[1:], strict=False):
            if earlier.valid_to is None or earlier.valid_to >= later.valid_from:
                raise RegimeError(
                    f"{province}: {earlier.id} en {later.id} gelden tegelijk; "
                    f"geef {earlier.id} een valid_to vóór {later.valid_from.isoformat()}"
                )


def regime_for(regimes: Iterable[Regime], province: str, day_for: dict[str, date]) -> Regime | None:
    """The province's regime in force on the date its rule makes decisive.

    ``day_for`` maps "application" and "damage" to the claim's dates. Where a regime does
    not say which date decides ("unknown"), it applies only when both dates fall in it:
    a claim whose dates straddle two regimes is a person's call. A province without a
    regime of its own falls back to the national regime (province ``NL``) in force.
    """
    candidates = [r for r in regimes if r.province == province] or [
        r for r in regimes if r.province == "NL"
    ]
    for regime in candidates:
        if regime.decisive_date == "unknown":
            if all(regime.in_force_on(day) for day in day_for.values()):
                return regime
        elif regime.in_force_on(day_for[regime.decisive_date]):
            return regime
    return None
