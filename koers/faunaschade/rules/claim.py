"""A claim for compensation (aanvraag tegemoetkoming faunaschade) as the calculation reads it.

The JSON format is documented for claims handlers in ``docs/faunaschade.md``. Keys are
Dutch, as in the API. Every error names the field and the value, never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from stdnum import iban as stdnum_iban
from stdnum.exceptions import ValidationError
from stdnum.util import clean

from koers.errors import KoersError
from koers.faunaschade.rules.regime import RegimeError, cents

CROP_CATEGORIES = ("kwetsbaar", "kapitaalintensief", "overig")
#: The dates a claim may carry: the national rule dates from 2014; beyond this is a typo.
EARLIEST, LATEST = date(2000, 1, 1), date(2099, 12, 31)


class ClaimError(KoersError):
    """A claim that cannot be read: names the field and the value."""

    code = "claim_invalid"
    title = "Onjuiste aanvraag"


@dataclass(frozen=True)
class DamageItem:
    """One taxed damage: a parcel, a crop, a species and the assessor's amount."""

    parcel: str
    crop: str
    crop_category: str
    species: str
    species_groups: tuple[str, ...]
    taxed_cents: int | None  # None until the assessor has taxed it
    damage_date: date
    zones: tuple[str, ...]
    prevention: tuple[str, ...]
    by_product: bool


@dataclass(frozen=True)
class Exemption:
    """An ontheffing to scare or shoot the species: possible, requested on, used adequately."""

    possible: bool
    requested_on: date | None
    used_adequately: bool | None


@dataclass(frozen=True)
class Claim:
    province: str
    applied_on: date
    noticed_on: date
    professional: bool
    kvk: str
    iban: str
    fee_paid_cents: int
    own_risk_minimum_charged_cents: int
    exemption: Exemption
    items: tuple[DamageItem, ...]

    @property
    def untaxed(self) -> list[int]:
        """Positions of damage items the assessor has not taxed yet."""
        return [i for i, item in enumerate(self.items) if item.taxed_cents is None]

    @property
    def decisive_dates(self) -> dict[str, date]:
        return {"application": self.applied_on, "damage": self.noticed_on}


class _Fields:
    def __init__(self, data: dict[str, Any], where: str = "") -> None:
        if not isinstance(data, dict):
            raise ClaimError(f"{where or 'aanvraag'}: verwacht een object, kreeg {data!r}")
        self.data, self.where = data, where

    def name(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def required(self, key: str) -> Any:
        if self.data.get(key) in (None, ""):
            raise ClaimError(f"{self.name(key)}: ontbreekt", field=self.name(key))
        return self.data[key]

    def date(self, key: str, required: bool = True) -> date | None:
        value = self.required(key) if required else self.data.get(key)
        if value in (None, ""):
            return None
        try:
            day = date.fromisoformat(str(value))
        except ValueError:
            raise ClaimError(
                f"{self.name(key)}: {value!r} is geen datum (JJJJ-MM-DD)", field=self.name(key)
            ) from None
        if not EARLIEST <= day <= LATEST:
            raise ClaimError(
                f"{self.name(key)}: {value!r} ligt niet tussen {EARLIEST.isoformat()} en "
                f"{LATEST.isoformat()}",
                field=self.name(key),
            )
        return day

    def money(self, key: str, default: str | None = None) -> int:
        value = self.data.get(key, default)
        if value is None:
            raise ClaimError(f"{self.name(key)}: ontbreekt", field=self.name(key))
        try:
            return cents(value, self.name(key))
        except RegimeError as exc:
            raise ClaimError(exc.message, field=self.name(key)) from None

    def boolean(self, key: str, default: bool | None = None) -> bool | None:
        value = self.data.get(key, default)
        if value is not None and not isinstance(value, bool):
            raise ClaimError(
                f"{self.name(key)}: {value!r} is geen true of false", field=self.name(key)
            )
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ClaimError(f"{self.name(key)}: verwacht een lijst met namen, kreeg {value!r}")
        return tuple(value)


Species = dict[str, tuple[str, ...]]  # species code -> its groups (regimes/soorten.yaml)


def read_claim(data: dict[str, Any], species: Species) -> Claim:
    """A claim from its JSON form; KvK and IBAN are checked with python-stdnum.

    ``species`` is the vocabulary of species codes and their groups.
    """
    f = _Fields(data)
    applicant = _Fields(f.required("aanvrager"), "aanvrager")
    kvk, iban = str(applicant.required("kvk")), str(applicant.required("iban"))
    kvk = _kvk(kvk)
    try:
        iban = stdnum_iban.validate(iban)
    except ValidationError as exc:
        raise ClaimError(f"aanvrager.iban: {iban!r} is geen geldige IBAN ({exc})") from None
    exemption = _Fields(data.get("ontheffing") or {}, "ontheffing")
    raw_items = f.required("schadeposten")
    if not isinstance(raw_items, list) or not raw_items:
        raise ClaimError("schadeposten: verwacht een lijst met minstens één schadepost")
    applied_on, noticed_on = f.date("aanvraagdatum"), f.date("schade_geconstateerd")
    if noticed_on > applied_on:  # type: ignore[operator]
        raise ClaimError(
            f"schade_geconstateerd: {noticed_on.isoformat()} ligt na de aanvraagdatum "  # type: ignore[union-attr]
            f"{applied_on.isoformat()}",  # type: ignore[union-attr]
            field="schade_geconstateerd",
        )
    items = tuple(_item(raw, index, species) for index, raw in enumerate(raw_items))
    for index, item in enumerate(items):
        if item.damage_date > applied_on:  # type: ignore[operator]
            raise ClaimError(
                f"schadeposten[{index}].schadedatum: {item.damage_date.isoformat()} ligt na de "
                f"aanvraagdatum {applied_on.isoformat()}",  # type: ignore[union-attr]
                field=f"schadeposten[{index}].schadedatum",
            )
    return Claim(
        province=str(f.required("provincie")),
        applied_on=applied_on,  # type: ignore[arg-type]
        noticed_on=noticed_on,  # type: ignore[arg-type]
        professional=bool(applicant.boolean("bedrijfsmatig", default=True)),
        kvk=kvk,
        iban=iban,
        fee_paid_cents=f.money("leges_betaald", "0"),
        own_risk_minimum_charged_cents=f.money("eigen_risico_minimum_al_betaald", "0"),
        exemption=Exemption(
            possible=bool(exemption.boolean("mogelijk", default=False)),
            requested_on=exemption.date("aangevraagd_op", required=False),
            used_adequately=exemption.boolean("adequaat_gebruikt"),
        ),
        items=items,
    )


def _kvk(value: str) -> str:
    """A KvK number is 8 digits; KvK publishes no check digit (and python-stdnum has no module)."""
    number = clean(value, " .-")
    if not (len(number) == 8 and number.isdigit()):
        raise ClaimError(
            f"aanvrager.kvk: {value!r} is geen KvK-nummer (8 cijfers)", field="aanvrager.kvk"
        )
    return number


def _item(raw: Any, index: int, species: Species) -> DamageItem:
    f = _Fields(raw, f"schadeposten[{index}]")
    code = str(f.required("soort"))
    if code not in species:
        known = ", ".join(sorted(species))
        raise ClaimError(
            f"{f.name('soort')}: {code!r} is onbekend; bekende soorten: {known}",
            field=f.name("soort"),
        )
    category = str(f.required("gewascategorie"))
    if category not in CROP_CATEGORIES:
        allowed = ", ".join(CROP_CATEGORIES)
        raise ClaimError(f"{f.name('gewascategorie')}: {category!r} moet een van {allowed} zijn")
    return DamageItem(
        parcel=str(f.required("perceel")),
        crop=str(f.required("gewas")),
        crop_category=category,
        species=code,
        species_groups=species[code],
        taxed_cents=None if f.data.get("getaxeerd") in (None, "") else f.money("getaxeerd"),
        damage_date=f.date("schadedatum"),  # type: ignore[arg-type]
        zones=f.strings("gebieden"),
        prevention=f.strings("preventie"),
        by_product=bool(f.boolean("bijproduct", default=False)),
    )
