"""Aggregates (aggregaten), their lineage (herkomst) and progress (voortgang) as resources.

Every field reads a row of ``analytics.store.aggregates`` or ``progress.progress_for``;
nothing here computes a figure.
"""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from koers.analytics.progress import STATUS_LABELS
from koers.api.conventions import absolute, absolute_path, link
from koers.api.enums import AGGREGAATSTATUS, PERIODETYPE, WAARDETYPE, DutchChoiceField
from koers.api.fields import FiniteFloatField, links_schema
from koers.engine.periods import period_label


class DekkingSerializer(serializers.Serializer):
    """Coverage: how many children (or sub-periods) have a value, of how many expected."""

    aantal = serializers.IntegerField(source="coverage_count")
    verwacht = serializers.IntegerField(source="coverage_expected")
    gedeeltelijk = serializers.BooleanField(
        source="partial", help_text="Dekking is hier of in een onderdeel onvolledig."
    )
    zoalsGerapporteerd = serializers.SerializerMethodField(  # noqa: N815
        help_text="Alleen gerapporteerd: de regel is 'none', er wordt niets opgeteld."
    )

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_zoalsGerapporteerd(self, row: dict) -> bool:  # noqa: N802
        return not row["coverage_expected"] and row["reported_value"] is not None


class AansluitingSerializer(serializers.Serializer):
    """Reconciliation: the reported total against the computed one, within a tolerance."""

    gerapporteerd = FiniteFloatField(source="reported_value", help_text="bv. CBS-totaal NL01.")
    berekend = FiniteFloatField(source="computed_value", help_text="Som van de onderdelen.")
    verschil = FiniteFloatField(source="difference", help_text="berekend − gerapporteerd.")
    tolerantie = FiniteFloatField(source="tolerance")
    binnenTolerantie = serializers.BooleanField(  # noqa: N815
        source="within_tolerance", allow_null=True, read_only=True
    )
    nietToegedeeld = FiniteFloatField(  # noqa: N815
        source="unallocated_value", help_text="Deel uit niet in te delen gebieden (PV99)."
    )


class AggregaatSerializer(serializers.Serializer):
    """One materialised figure with its coverage, reconciliation and lineage."""

    indicator = serializers.CharField()
    gebied = serializers.CharField(source="area")
    niveau = serializers.CharField(source="level", allow_null=True, help_text="bv. provincie.")
    hierarchie = serializers.CharField(source="hierarchy", allow_null=True)
    periode = serializers.CharField(source="period", help_text="bv. 2023; vensters 2015/2020.")
    periodeLabel = serializers.SerializerMethodField(  # noqa: N815
        help_text="De periode zoals de bron die publiceert, bv. 2019/20 voor FY2019/20."
    )
    periodetype = DutchChoiceField(PERIODETYPE, source="period_type")
    uitsplitsing = serializers.CharField(source="breakdown")
    waardetype = DutchChoiceField(WAARDETYPE, source="value_kind")
    waarde = FiniteFloatField(source="value", help_text="Gerapporteerd indien aanwezig.")
    status = DutchChoiceField(AGGREGAATSTATUS, help_text="ok, gedeeltelijk of ontbrekend.")
    redenOntbrekend = serializers.CharField(source="missing_reason", allow_null=True)  # noqa: N815
    dekking = DekkingSerializer(source="*")
    aansluiting = AansluitingSerializer(source="*")
    herkomstId = serializers.CharField(source="lineage_id")  # noqa: N815
    _links = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.STR)
    def get_periodeLabel(self, row: dict) -> str:  # noqa: N802
        return period_label(row["period"])

    @extend_schema_field(links_schema("herkomst"))
    def get__links(self, row: dict) -> dict:
        href = absolute_path(self.context["request"], "herkomst", row["lineage_id"])
        return {"herkomst": link(href)}


class HerkomstWaarnemingSerializer(serializers.Serializer):
    """An observation behind a figure, down to its delivery, file and row."""

    rol = serializers.CharField(source="role", help_text="reported, computed, component of weight.")
    waarneming = serializers.IntegerField(source="obs_id", allow_null=True)
    versie = serializers.IntegerField(source="version", allow_null=True)
    indicator = serializers.CharField()
    gebied = serializers.CharField(source="area")
    periode = serializers.CharField(source="period")
    uitsplitsing = serializers.CharField(source="breakdown")
    waarde = FiniteFloatField(source="value")
    aanlevering = serializers.IntegerField(source="delivery_id", allow_null=True)
    aanleveringStatus = serializers.CharField(source="delivery_status", allow_null=True)  # noqa: N815
    aangeleverdVoor = serializers.CharField(source="delivered_for", allow_null=True)  # noqa: N815
    ontvangenOp = serializers.CharField(source="received_at", allow_null=True)  # noqa: N815
    bronbestand = serializers.CharField(source="source_file", allow_null=True)
    bronrij = serializers.IntegerField(source="source_row", allow_null=True)
    bestandSha256 = serializers.CharField(source="file_sha256", allow_null=True)  # noqa: N815


class HerkomstSerializer(serializers.Serializer):
    """Where one figure comes from: the aggregate and every observation that made it."""

    herkomstId = serializers.CharField(source="lineage_id")  # noqa: N815
    aggregaat = AggregaatSerializer(source="aggregate", allow_null=True)
    waarnemingen = HerkomstWaarnemingSerializer(source="observations", many=True)


class PrognoseSerializer(serializers.Serializer):
    jaar = serializers.IntegerField(source="year")
    waarde = FiniteFloatField(source="value")
    ondergrens = FiniteFloatField(source="low", help_text="Ondergrens van het 95%-interval.")
    bovengrens = FiniteFloatField(source="high", help_text="Bovengrens van het 95%-interval.")
    haaltStreefwaarde = serializers.BooleanField(  # noqa: N815
        source="reaches_target",
        allow_null=True,
        help_text="Of de prognose de streefwaarde haalt (precies erop telt als gehaald).",
    )


class StreefwaardeBronSerializer(serializers.Serializer):
    """Where a target was committed to: the source document, its address and date."""

    titel = serializers.CharField(source="source_title", allow_null=True)
    url = serializers.CharField(source="source_url", allow_null=True)
    datum = serializers.DateField(source="source_date", allow_null=True)
    toelichting = serializers.CharField(
        source="source_note",
        allow_null=True,
        help_text="Wat uit de bron is afgeleid en wat niet kon worden geverifieerd.",
    )


class VoortgangSerializer(serializers.Serializer):
    """Progress towards one target: status, measured value and a linear forecast."""

    id = serializers.IntegerField(source="target", help_text="Id van de streefwaarde.")
    indicator = serializers.CharField()
    gebied = serializers.CharField(source="area")
    uitsplitsing = serializers.CharField(source="breakdown")
    doel = serializers.CharField(source="goal", allow_null=True, help_text="Nummer van het doel.")
    omschrijving = serializers.CharField(source="description", allow_null=True)
    basisjaar = serializers.IntegerField(source="baseline_year")
    basiswaarde = FiniteFloatField(source="baseline_value")
    streefwaarde = FiniteFloatField(source="target_value")
    streefjaar = serializers.IntegerField(source="target_year")
    richting = serializers.ChoiceField(
        source="direction", choices=[1, -1], help_text="1: hoger is beter, -1: lager is beter."
    )
    huidigJaar = serializers.IntegerField(source="current_year", allow_null=True)  # noqa: N815
    huidigeWaarde = FiniteFloatField(source="current_value")  # noqa: N815
    voortgang = FiniteFloatField(source="value", help_text="Waargenomen t.o.v. vereiste groei.")
    status = serializers.ChoiceField(choices=list(STATUS_LABELS))
    statusLabel = serializers.SerializerMethodField()  # noqa: N815
    prognose = PrognoseSerializer(source="forecast", allow_null=True)
    streefjaarVoorbij = serializers.BooleanField(  # noqa: N815
        source="deadline_passed",
        help_text="Het streefjaar heeft cijfers: beoordeeld op dat jaar, zonder prognose.",
    )
    bron = StreefwaardeBronSerializer(source="source", help_text="Bron van de streefwaarde.")
    _links = serializers.SerializerMethodField()

    def get_statusLabel(self, row: dict) -> str:  # noqa: N802
        return STATUS_LABELS[row["status"]]

    @extend_schema_field(links_schema("self", "indicator", "aggregaten"))
    def get__links(self, row: dict) -> dict:
        request = self.context["request"]
        figures = (
            absolute(request, "aggregaat-list")
            + f"?indicator={row['indicator']}&gebied={row['area']}&periodetype=year"
        )
        return {
            "self": link(absolute(request, "voortgang-detail", str(row["target"]))),
            "indicator": link(absolute(request, "indicator-detail", row["indicator"])),
            "aggregaten": link(figures),
        }
