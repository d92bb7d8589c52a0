"""Forms of the workspace: delivery template, upload, and targets."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from koers.areas.models import Area
from koers.deliveries.ingest import PeriodCodeError, parse_period, periodicity
from koers.deliveries.obligations import province_indicators
from koers.indicators.models import Indicator, Target
from koers.workspace.uploads import AUTOMATIC, mapping_choices


class ProvinceChoice:
    """A province field that becomes a hidden input when the user has only one province."""

    fixed_province = None

    def _set_provinces(self, provinces, *, national: bool = False) -> None:
        field = self.fields["province"]
        field.choices = [(area.code, f"{area.name} ({area.code})") for area in provinces]
        if national:  # analysts also deliver files that cover the whole country
            field.required = False
            field.choices = [("", _("Landelijk: alle gebieden")), *field.choices]
        elif len(provinces) == 1:
            self.fixed_province = provinces[0]
            field.widget = forms.HiddenInput()
            field.initial = provinces[0].code


def deliverable_indicators():
    return Indicator.objects.exclude(status="peer").order_by("code")


class TemplateForm(ProvinceChoice, forms.Form):
    province = forms.ChoiceField(label=_("Provincie"))
    indicators = forms.MultipleChoiceField(
        label=_("Indicatoren"), widget=forms.CheckboxSelectMultiple
    )
    period = forms.CharField(
        label=_("Periode"),
        max_length=12,
        help_text=_("Bijvoorbeeld 2025, 2025-H1, 2025-Q4 of 2025-03."),
    )
    file_format = forms.ChoiceField(
        label=_("Bestandsformaat"),
        choices=[("xlsx", _("Excel (XLSX)")), ("csv", _("CSV"))],
        initial="xlsx",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, provinces: list, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._set_provinces(provinces)
        offered = list(province_indicators())  # only what a province delivers itself
        self.indicator_periodicity = {i.code: i.periodicity for i in offered}
        self.fields["indicators"].choices = [
            (i.code, f"{i.label} ({i.code}, {i.unit})") for i in offered
        ]
        self.fields["indicators"].initial = [i.code for i in offered]
        self.fields["period"].initial = str(timezone.localdate().year - 1)

    def clean_period(self) -> str:
        try:
            return parse_period(self.cleaned_data["period"], style="canonical")
        except PeriodCodeError as exc:
            raise forms.ValidationError(_("Dit is geen periodecode.")) from exc

    def clean(self) -> dict:
        data = super().clean()
        period, codes = data.get("period"), data.get("indicators") or []
        if period:
            wrong = [c for c in codes if self.indicator_periodicity.get(c) != periodicity(period)]
            if wrong:
                self.add_error(
                    "period",
                    _("Deze periode past niet bij de periodiciteit van: %(codes)s.")
                    % {"codes": ", ".join(wrong)},
                )
        return data


class UploadForm(ProvinceChoice, forms.Form):
    province = forms.ChoiceField(label=_("Provincie"))
    file = forms.FileField(
        label=_("Bestand"),
        help_text=_("Het ingevulde sjabloon (XLSX of CSV) of een bestand met een bekende mapping."),
    )
    mapping = forms.ChoiceField(
        label=_("Indeling"),
        required=False,
        help_text=_(
            "Koers herkent het eigen sjabloon en bekende bronbestanden (zoals CBS-tabellen) "
            "aan de kolommen en de bestandsnaam."
        ),
    )

    def __init__(self, *args, provinces: list, national: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._set_provinces(provinces, national=national)
        automatic = (AUTOMATIC, _("Automatisch herkennen"))
        self.fields["mapping"].choices = [automatic, *mapping_choices()]


class TargetForm(forms.ModelForm):
    class Meta:
        model = Target
        fields = [
            "indicator",
            "area",
            "goal",
            "breakdown",
            "baseline_year",
            "target_value",
            "target_year",
            "direction",
            "description",
        ]
        labels = {
            "indicator": _("Indicator"),
            "area": _("Gebied"),
            "goal": _("Doel"),
            "breakdown": _("Uitsplitsing"),
            "baseline_year": _("Basisjaar"),
            "target_value": _("Streefwaarde"),
            "target_year": _("Doeljaar"),
            "direction": _("Richting"),
            "description": _("Toelichting"),
        }
        help_texts = {
            "breakdown": _("_T voor het totaal, anders bijvoorbeeld Energiebron=E006637."),
            "goal": _("Het strategische doel waar deze streefwaarde bij hoort."),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = deliverable_indicators()
        self.fields["area"].queryset = Area.objects.exclude(type="gemeente").order_by("code")

    def clean(self) -> dict:
        data = super().clean()
        baseline, target = data.get("baseline_year"), data.get("target_year")
        if baseline and target and target <= baseline:
            self.add_error("target_year", _("Het doeljaar moet na het basisjaar liggen."))
        return data
