from django import forms
from django.utils.translation import gettext_lazy as _


class GoalAdjustmentForm(forms.Form):
    text = forms.CharField(
        label=_("Nieuwe tekst van het doel"), widget=forms.Textarea(attrs={"rows": 6})
    )
    valid_from = forms.DateField(
        label=_("Geldig vanaf"), widget=forms.DateInput(attrs={"type": "date"})
    )
    reason = forms.CharField(label=_("Reden van de bijstelling"), max_length=300)
    decision_reference = forms.CharField(
        label=_("Besluit (kenmerk)"),
        max_length=200,
        help_text=_("Bijvoorbeeld het kenmerk van het besluit bij de begroting."),
    )
