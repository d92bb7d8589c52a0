"""Query parameters of /aggregaten and /voortgang."""

from __future__ import annotations

from rest_framework import serializers

from koers.api.enums import PERIODETYPE, WAARDETYPE, DutchChoiceField
from koers.api.fields import code_field, number_field
from koers.api.query_fields import AreaField, PeriodField
from koers.areas.models import AreaType
from koers.indicators.models import Indicator


class AggregaatQuery(serializers.Serializer):
    indicator = code_field(help_text="Indicatorcode (verplicht).")
    gebied = AreaField(required=False, help_text="Gebiedscode, bv. NL01.")
    niveau = serializers.ChoiceField(
        choices=AreaType.choices, required=False, help_text="Gebiedsniveau, bv. provincie."
    )
    periode = PeriodField(
        required=False, max_length=20, help_text="bv. 2023, 2023-Q4, 2023-03 of 2015/2020."
    )
    periodetype = DutchChoiceField(PERIODETYPE, required=False)
    uitsplitsing = serializers.CharField(
        required=False, max_length=200, help_text="Canonieke uitsplitsing; _T is het totaal."
    )
    waardetype = DutchChoiceField(WAARDETYPE, required=False)

    def validate_indicator(self, value: str) -> str:
        if not Indicator.objects.filter(code=value).exists():
            raise serializers.ValidationError(f"onbekende indicator {value!r}", code="unknown")
        return value


class VoortgangQuery(serializers.Serializer):
    indicator = code_field(required=False)
    gebied = AreaField(required=False)
    doel = number_field(required=False)
