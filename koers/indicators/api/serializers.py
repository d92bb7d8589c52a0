"""Indicators (indicatoren): what is measured, how it adds up and where it comes from."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from koers.api.conventions import absolute, link
from koers.api.enums import (
    INDICATORSTATUS,
    OPTELLEN_OVER_GEBIEDEN,
    OPTELLEN_OVER_TIJD,
    PERIODICITEIT,
    DutchChoiceField,
)
from koers.api.fields import BlankAsNullField, FiniteFloatField, links_schema
from koers.indicators.models import Indicator


class IndicatorBronSerializer(serializers.Serializer):
    """Bron van de cijfers van een indicator: producent, tabel en kolom."""

    producent = BlankAsNullField(source="source_producer", help_text="bv. CBS.")
    tabel = BlankAsNullField(source="source_table", help_text="bv. 70960ned.")
    kolom = BlankAsNullField(source="source_column")


class IndicatorSerializer(serializers.ModelSerializer):
    """An indicator with its unit, aggregation rules, breakdowns, source and goals."""

    code = serializers.CharField(help_text="Indicatorcode, bv. wind_vermogen.")
    naam = serializers.CharField(source="name")
    naamEn = BlankAsNullField(source="name_en")  # noqa: N815
    omschrijving = BlankAsNullField(source="description")
    omschrijvingEn = BlankAsNullField(source="description_en")  # noqa: N815
    eenheid = serializers.CharField(source="unit")
    eenheidMacht = serializers.IntegerField(  # noqa: N815
        source="unit_multiplier", help_text="Macht van tien van de eenheid (SDMX UNIT_MULT)."
    )
    decimalen = serializers.IntegerField(source="decimals")
    periodiciteit = DutchChoiceField(PERIODICITEIT, source="periodicity")
    optellenOverGebieden = DutchChoiceField(  # noqa: N815
        OPTELLEN_OVER_GEBIEDEN, source="area_rule", help_text="Hoe gebieden optellen."
    )
    optellenOverTijd = DutchChoiceField(  # noqa: N815
        OPTELLEN_OVER_TIJD, source="time_rule", help_text="Hoe perioden samengaan."
    )
    teller = serializers.SlugRelatedField(
        source="numerator", slug_field="code", read_only=True, allow_null=True
    )
    noemer = serializers.SlugRelatedField(
        source="denominator", slug_field="code", read_only=True, allow_null=True
    )
    gewicht = serializers.SlugRelatedField(
        source="weight", slug_field="code", read_only=True, allow_null=True
    )
    schaal = FiniteFloatField(source="scale", help_text="bv. 1000 voor 'per 1.000'.")
    formule = BlankAsNullField(source="formula")
    uitsplitsingen = serializers.JSONField(
        source="breakdowns", read_only=True, help_text="Dimensies met hun codes en namen."
    )
    bron = IndicatorBronSerializer(source="*", read_only=True)
    methode = BlankAsNullField(source="method")
    eigenaar = BlankAsNullField(source="owner")
    status = DutchChoiceField(INDICATORSTATUS, read_only=True)
    doelen = serializers.SlugRelatedField(source="goals", slug_field="number", many=True,
                                          read_only=True)  # fmt: skip
    _links = serializers.SerializerMethodField()

    class Meta:
        model = Indicator
        fields = [
            "code", "naam", "naamEn", "omschrijving", "omschrijvingEn", "eenheid",
            "eenheidMacht", "decimalen", "periodiciteit", "optellenOverGebieden",
            "optellenOverTijd", "teller", "noemer", "gewicht", "schaal", "formule",
            "uitsplitsingen", "bron", "methode", "eigenaar", "status", "doelen", "_links",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(links_schema("self", "aggregaten"))
    def get__links(self, indicator: Indicator) -> dict:
        request = self.context["request"]
        figures = absolute(request, "aggregaat-list") + f"?indicator={indicator.code}"
        return {
            "self": link(absolute(request, "indicator-detail", indicator.code)),
            "aggregaten": link(figures),
        }
