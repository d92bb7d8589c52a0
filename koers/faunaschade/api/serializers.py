"""Dutch field names for the open faunaschade resources (regimes are public policy)."""

from __future__ import annotations

from rest_framework import serializers


class BronSerializer(serializers.Serializer):
    tag = serializers.ChoiceField(
        choices=["R", "S", "NF"],
        help_text="R: gelezen in de regeltekst; S: secundaire bron; NF: niet gevonden (onbekend).",
    )
    artikel = serializers.CharField(source="article", allow_blank=True)
    url = serializers.CharField(allow_blank=True)
    toelichting = serializers.CharField(source="note", allow_blank=True)


class ParameterSerializer(serializers.Serializer):
    parameter = serializers.CharField(help_text="Stabiele sleutel, bv. `own_risk`.")
    naam = serializers.CharField()
    waarde = serializers.CharField(help_text="`onbekend` als de bron de waarde niet geeft.")
    bekend = serializers.BooleanField()
    bron = serializers.CharField(help_text="Artikel of URL, met [R], [S] of [NF].")
    tag = serializers.ChoiceField(choices=["R", "S", "NF"])


class RegelingSerializer(serializers.Serializer):
    id = serializers.CharField()
    provincie = serializers.CharField(
        help_text="CBS-code (PV20–PV31), of NL voor de landelijke regel."
    )
    titel = serializers.CharField()
    geldigVanaf = serializers.DateField()
    geldigTot = serializers.DateField(allow_null=True)
    bepalendeDatum = serializers.ChoiceField(
        choices=["application", "damage", "unknown"],
        help_text="Welke datum van een aanvraag de regeling kiest: aanvraag, schade of onbekend.",
    )
    bron = BronSerializer()
    parameters = ParameterSerializer(many=True)


class JaarcijferSerializer(serializers.Serializer):
    jaar = serializers.IntegerField(help_text="Zoals BIJ12 rapporteert (schadejaar).")
    uitgekeerd = serializers.DecimalField(max_digits=14, decimal_places=2, coerce_to_string=True)
    afgerond = serializers.BooleanField(help_text="De bron geeft een afgerond of afgeleid bedrag.")
    aanvragen = serializers.IntegerField(allow_null=True)
    toelichting = serializers.CharField(allow_blank=True)
    bron = serializers.URLField()


class CelSerializer(serializers.Serializer):
    schadejaar = serializers.CharField(help_text="1 november – 31 oktober, zoals `2024/25`.")
    sleutel = serializers.CharField(help_text="Provincie, diersoort of gewas.")
    afgeschermd = serializers.BooleanField(
        help_text="Niet getoond: minder dan drie aanvragen, of af te leiden uit het totaal."
    )
    aanvragen = serializers.IntegerField(allow_null=True)
    getaxeerd = serializers.DecimalField(
        max_digits=14, decimal_places=2, allow_null=True, coerce_to_string=True
    )
    uitgekeerd = serializers.DecimalField(
        max_digits=14, decimal_places=2, allow_null=True, coerce_to_string=True
    )


class CijfersSerializer(serializers.Serializer):
    jaarcijfers = JaarcijferSerializer(many=True)
    perProvincie = CelSerializer(many=True)
    perDiersoort = CelSerializer(many=True)
    perGewas = CelSerializer(many=True)
