"""Forms of the Overleg pages; each hands clean data to one service function."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from koers.areas.models import Area
from koers.meetings.models import (
    AgendapuntSoort,
    Arena,
    Besluit,
    BesluitResultaat,
    Gremium,
    Informatiecategorie,
    Informatieobjecttype,
    Kanaal,
    StandpuntStatus,
    Stap,
    VergaderingStatus,
)
from koers.programme.models import Goal


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class MeetingForm(forms.Form):
    gremium = forms.ModelChoiceField(label=_("Gremium"), queryset=Gremium.objects.none())
    datum = forms.DateField(label=_("Datum"), widget=DateInput())
    locatie = forms.CharField(label=_("Locatie"), max_length=100, required=False)
    toelichting = forms.CharField(
        label=_("Toelichting"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, gremia, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gremium"].queryset = gremia


class AgendaItemForm(forms.Form):
    titel = forms.CharField(label=_("Titel"), max_length=100)
    soort = forms.ChoiceField(label=_("Soort"), choices=AgendapuntSoort.choices)
    omschrijving = forms.CharField(
        label=_("Omschrijving"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    doelen = forms.ModelMultipleChoiceField(
        label=_("Doelen"),
        queryset=Goal.objects.select_related("theme").order_by("theme__number", "position"),
        required=False,
        help_text=_("Houd Ctrl (of Cmd) ingedrukt om meer doelen te kiezen."),
    )


class DocumentForm(forms.Form):
    bestand = forms.FileField(label=_("Bestand (PDF, DOCX of ODT)"))
    titel = forms.CharField(label=_("Titel"), max_length=200)
    informatieobjecttype = forms.ChoiceField(
        label=_("Soort document"),
        choices=Informatieobjecttype.choices,
        initial=Informatieobjecttype.BESLUITVORMINGSSTUK,
    )
    openbaar = forms.BooleanField(
        label=_("Openbaar (actief openbaar gemaakt onder de Woo)"), required=False
    )
    informatiecategorie = forms.ChoiceField(
        label=_("Woo-informatiecategorie"),
        choices=Informatiecategorie.choices,
        initial=Informatiecategorie.VERGADERSTUKKEN,
    )


class DecisionForm(forms.Form):
    resultaat = forms.ChoiceField(label=_("Resultaat"), choices=BesluitResultaat.choices)
    tekst = forms.CharField(label=_("Besluittekst"), widget=forms.Textarea(attrs={"rows": 3}))


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=VergaderingStatus.choices)


class FollowUpForm(forms.Form):
    """The four steps of one province; a step is filled in with both a date and evidence."""

    def __init__(self, *args, recorded: dict[int, object] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        recorded = recorded or {}
        for stap in Stap:
            done = recorded.get(stap)
            self.fields[f"datum_{stap.value}"] = forms.DateField(
                label=_("Datum"),
                required=False,
                widget=DateInput(),
                initial=getattr(done, "datum", None),
            )
            self.fields[f"bewijs_{stap.value}"] = forms.CharField(
                label=_("Bewijs (link of kenmerk)"),
                max_length=300,
                required=False,
                initial=getattr(done, "bewijs", ""),
            )

    def clean(self):
        data = super().clean()
        for stap in Stap:
            datum, bewijs = data.get(f"datum_{stap.value}"), data.get(f"bewijs_{stap.value}")
            if bool(datum) != bool(bewijs):
                self.add_error(
                    f"bewijs_{stap.value}" if datum else f"datum_{stap.value}",
                    _("Vul bij '%(stap)s' zowel de datum als het bewijs in.")
                    % {"stap": stap.label},
                )
        return data

    def steps(self) -> list[tuple[Stap, object, object]]:
        return [(stap, self[f"datum_{stap.value}"], self[f"bewijs_{stap.value}"]) for stap in Stap]

    def filled(self) -> list[tuple[Stap, object, str]]:
        return [
            (
                stap,
                self.cleaned_data[f"datum_{stap.value}"],
                self.cleaned_data[f"bewijs_{stap.value}"],
            )
            for stap in Stap
            if self.cleaned_data.get(f"datum_{stap.value}")
        ]


class PositionForm(forms.Form):
    titel = forms.CharField(label=_("Titel"), max_length=200)
    tekst = forms.CharField(label=_("Tekst"), widget=forms.Textarea(attrs={"rows": 6}))
    arena = forms.ChoiceField(label=_("Arena"), choices=Arena.choices)
    geadresseerden = forms.CharField(
        label=_("Geadresseerden"),
        max_length=300,
        help_text=_(
            "Bijvoorbeeld het ministerie van LVVN, de Tweede Kamer of de Europese Commissie."
        ),
    )
    status = forms.ChoiceField(label=_("Status"), choices=StandpuntStatus.choices)
    besluit = forms.ModelChoiceField(
        label=_("Vastgesteld bij besluit"),
        queryset=Besluit.objects.select_related("agendapunt__vergadering__gremium").order_by(
            "-agendapunt__vergadering__datum", "agendapunt__volgnummer"
        ),
        required=False,
    )
    doelen = forms.ModelMultipleChoiceField(
        label=_("Doelen"),
        queryset=Goal.objects.select_related("theme").order_by("theme__number", "position"),
        required=False,
    )


class CommunicationForm(forms.Form):
    provincie = forms.ModelChoiceField(label=_("Provincie"), queryset=Area.objects.none())
    datum = forms.DateField(label=_("Datum"), widget=DateInput())
    kanaal = forms.ChoiceField(label=_("Kanaal"), choices=Kanaal.choices)
    link = forms.CharField(label=_("Link of kenmerk"), max_length=300)

    def __init__(self, *args, provinces, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provincie"].queryset = provinces
