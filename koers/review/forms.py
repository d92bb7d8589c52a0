from django import forms
from django.utils.translation import gettext_lazy as _

from koers.review.models import ProposalKind


class OpenRoundForm(forms.Form):
    budget_year = forms.IntegerField(label=_("Begrotingsjaar"), min_value=2000, max_value=2100)
    title = forms.CharField(
        label=_("Naam van de ronde"),
        max_length=200,
        required=False,
        help_text=_("Leeg laten voor 'Begroting <jaar>'."),
    )


class AssessmentForm(forms.Form):
    text = forms.CharField(
        label=_("Beoordeling"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Hoe staat het doel ervoor, naast de voortgang en het werkprogramma?"),
    )
    kind = forms.ChoiceField(
        label=_("Voorstel"), choices=ProposalKind.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("Reden van het voorstel"), widget=forms.Textarea(attrs={"rows": 3})
    )
    new_text = forms.CharField(
        label=_("Nieuwe tekst (bij tekst bijstellen)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    target = forms.TypedChoiceField(
        label=_("Streefwaarde (bij streefwaarde bijstellen)"), required=False, coerce=int,
        empty_value=None,
    )  # fmt: skip
    new_target_value = forms.FloatField(label=_("Nieuwe streefwaarde"), required=False)
    new_target_year = forms.IntegerField(
        label=_("Nieuw streefjaar"), required=False, min_value=2000, max_value=2100
    )

    def __init__(self, *args, targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = [("", "—")] + [
            (t.pk, f"{t.indicator.label} · {t.area.code}: {t.target_value} in {t.target_year}")
            for t in targets
        ]


class AdoptForm(forms.Form):
    decision_date = forms.DateField(
        label=_("Datum van het besluit"), widget=forms.DateInput(attrs={"type": "date"})
    )
    budget_reference = forms.CharField(
        label=_("Kenmerk van de vastgestelde begroting"), max_length=200
    )
    missing_reason = forms.CharField(
        label=_("Waarom toch vaststellen zonder alle beoordelingen?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Alleen nodig als er doelen zonder beoordeling zijn."),
    )
