"""The practice form: content of a new version, a document and an optional area polygon."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from koers.areas.models import Area
from koers.knowledge.area_upload import MAX_UPLOAD_BYTES
from koers.programme.models import Goal, Theme


def _date(label):
    return forms.DateField(
        label=label, required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class PracticeForm(forms.Form):
    theme = forms.ModelChoiceField(
        label=_("Thema"), queryset=Theme.objects.all(), to_field_name="number"
    )
    lead_province = forms.ModelChoiceField(
        label=_("Trekkende provincie"),
        queryset=Area.objects.filter(type="provincie"),
        to_field_name="code",
    )
    title = forms.CharField(label=_("Titel"), max_length=200)
    tried = forms.CharField(label=_("Wat is geprobeerd"), widget=forms.Textarea(attrs={"rows": 4}))
    place = forms.CharField(label=_("Waar"), max_length=200)
    started = _date(_("Begonnen op"))
    ended = _date(_("Afgerond op"))
    worked = forms.CharField(
        label=_("Wat werkte"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    did_not_work = forms.CharField(
        label=_("Wat werkte niet"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    goals = forms.ModelMultipleChoiceField(
        label=_("Doelen"), queryset=Goal.objects.all(), to_field_name="number", required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    areas = forms.ModelMultipleChoiceField(
        label=_("Gebieden"), queryset=Area.objects.filter(type="gebied"), to_field_name="code",
        required=False,
    )  # fmt: skip
    contact_role = forms.CharField(label=_("Contactpersoon: rol"), max_length=100, required=False)
    contact_name = forms.CharField(
        label=_("Contactpersoon: naam"),
        max_length=100,
        required=False,
        help_text=_("Alleen met toestemming van die persoon; anders volstaan rol en provincie."),
    )
    contact_consent = forms.BooleanField(
        label=_("Toestemming voor het tonen van de naam"), required=False
    )
    link = forms.URLField(label=_("Link"), required=False, assume_scheme="https")
    document = forms.FileField(label=_("Document (PDF, DOCX of ODT)"), required=False)
    area_name = forms.CharField(label=_("Nieuw gebied: naam"), max_length=200, required=False)
    area_geojson = forms.FileField(
        label=_("Nieuw gebied: polygoon (GeoJSON)"),
        required=False,
        help_text=_("Een GeoJSON FeatureCollection in WGS84 of RD New."),
    )

    def __init__(self, *args, practice=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if practice is not None:  # theme and province belong to the practice
            del self.fields["theme"], self.fields["lead_province"]

    def clean(self):
        data = super().clean()
        if data.get("area_geojson") and not data.get("area_name"):
            self.add_error("area_name", _("Geef het nieuwe gebied een naam."))
        upload = data.get("area_geojson")
        if upload and upload.size > MAX_UPLOAD_BYTES:
            self.add_error(
                "area_geojson",
                _("%(name)s is %(size).1f MB; een polygoon mag hoogstens %(max)d MB zijn.")
                % {
                    "name": upload.name,
                    "size": upload.size / 2**20,
                    "max": MAX_UPLOAD_BYTES // 2**20,
                },
            )
        return data
