"""Forms of the claims handler's workspace: application and each later step."""

from __future__ import annotations

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from koers.areas.models import Area
from koers.faunaschade.rules.claim import CROP_CATEGORIES, EARLIEST, LATEST
from koers.faunaschade.rules.regime import MAX_EUROS
from koers.faunaschade.rules.shipped import species_names

PREVENTION = [
    ("akoestisch", _("akoestisch middel")),
    ("visueel", _("visueel middel")),
    ("raster", _("raster")),
    ("menselijke_aanwezigheid", _("menselijke aanwezigheid")),
]
ITEMS = 3  # damage items on the application form; blank ones are ignored


def _date(label, *, required: bool = True):
    """A date within the years a claim may carry (a year 9999 is a typo, not a deadline)."""
    return forms.DateField(
        label=label,
        required=required,
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[MinValueValidator(EARLIEST), MaxValueValidator(LATEST)],
    )


def _money(label, *, required: bool = True, **kwargs):
    """Euros in whole cents, ≥ 0 and no more than the database keeps."""
    return forms.DecimalField(
        label=label,
        required=required,
        min_value=0,
        max_value=MAX_EUROS,
        max_digits=10,
        decimal_places=2,
        **kwargs,
    )


class ApplicationForm(forms.Form):
    province = forms.ModelChoiceField(
        label=_("Provincie"), queryset=Area.objects.filter(type="provincie"), to_field_name="code"
    )
    applicant = forms.CharField(label=_("Aanvrager"), max_length=200)
    kvk = forms.CharField(label=_("KvK-nummer"), max_length=20)
    iban = forms.CharField(label=_("IBAN"), max_length=40)
    professional = forms.BooleanField(
        label=_("Bedrijfsmatige landbouw"), required=False, initial=True
    )
    applied_on = _date(_("Aanvraagdatum"))
    noticed_on = _date(_("Schade geconstateerd op"))
    fee_paid = _money(_("Leges betaald (€)"))
    own_risk_minimum_charged = _money(
        _("Minimum eigen risico al betaald dit meldingsjaar (€)"), initial=0
    )
    exemption_possible = forms.BooleanField(label=_("Ontheffing mogelijk"), required=False)
    exemption_requested_on = _date(_("Ontheffing aangevraagd op"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        species = sorted(species_names().items(), key=lambda kv: kv[1])
        for n in range(ITEMS):
            required = n == 0
            self.fields[f"parcel_{n}"] = forms.CharField(
                label=_("Perceel"), max_length=200, required=required
            )
            self.fields[f"crop_{n}"] = forms.CharField(
                label=_("Gewas (code)"), max_length=60, required=required
            )
            self.fields[f"crop_category_{n}"] = forms.ChoiceField(
                label=_("Gewascategorie"),
                choices=[(c, c) for c in CROP_CATEGORIES],
                required=required,
            )
            self.fields[f"species_{n}"] = forms.ChoiceField(
                label=_("Diersoort"), choices=[("", "—"), *species], required=required
            )
            self.fields[f"damage_date_{n}"] = _date(_("Schadedatum"), required=required)
            self.fields[f"zones_{n}"] = forms.CharField(
                label=_("Gebieden (codes, met komma's)"), required=False
            )
            self.fields[f"prevention_{n}"] = forms.MultipleChoiceField(
                label=_("Preventie"),
                choices=PREVENTION,
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )

    def item_rows(self):
        """The bound fields per damage item, for the template."""
        names = ("parcel", "crop", "crop_category", "species", "damage_date", "zones", "prevention")
        return [[self[f"{name}_{n}"] for name in names] for n in range(ITEMS)]

    def claim_data(self) -> dict:
        """The claim in the JSON form of docs/faunaschade.md (validated by the rules library)."""
        d = self.cleaned_data
        items = []
        for n in range(ITEMS):
            if not d.get(f"parcel_{n}"):
                continue
            items.append(
                {
                    "perceel": d[f"parcel_{n}"],
                    "gewas": d[f"crop_{n}"],
                    "gewascategorie": d[f"crop_category_{n}"],
                    "soort": d[f"species_{n}"],
                    "schadedatum": d[f"damage_date_{n}"].isoformat()
                    if d.get(f"damage_date_{n}")
                    else None,
                    "gebieden": [
                        z.strip() for z in d.get(f"zones_{n}", "").split(",") if z.strip()
                    ],
                    "preventie": list(d.get(f"prevention_{n}") or []),
                }
            )
        return {
            "provincie": d["province"].code,
            "aanvraagdatum": d["applied_on"].isoformat(),
            "schade_geconstateerd": d["noticed_on"].isoformat(),
            "aanvrager": {"kvk": d["kvk"], "iban": d["iban"], "bedrijfsmatig": d["professional"]},
            "leges_betaald": f"{d['fee_paid']:.2f}",
            "eigen_risico_minimum_al_betaald": f"{d['own_risk_minimum_charged']:.2f}",
            "ontheffing": {
                "mogelijk": d["exemption_possible"],
                "aangevraagd_op": d["exemption_requested_on"].isoformat()
                if d.get("exemption_requested_on")
                else None,
            },
            "schadeposten": items,
        }


class TaxationForm(forms.Form):
    taxed_on = _date(_("Datum taxatierapport"))

    def __init__(self, *args, items=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.items = list(items)
        for item in self.items:
            self.fields[f"item_{item.pk}"] = _money(
                _("Getaxeerd (€): %(parcel)s, %(crop)s, %(species)s")
                % {"parcel": item.parcel, "crop": item.crop, "species": item.species}
            )

    def amounts(self):
        return {item.pk: self.cleaned_data[f"item_{item.pk}"] for item in self.items}


class DecisionForm(forms.Form):
    decided_on = _date(_("Besluitdatum"))
    own_amount = _money(
        _("Eigen bedrag (€), alleen als u afwijkt van de berekening"), required=False
    )
    reason = forms.CharField(
        label=_("Reden van de afwijking"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class DateForm(forms.Form):
    on = _date(_("Datum"))
    result = forms.CharField(
        label=_("Uitkomst (bij een bezwaar)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
