"""ODS "Open Raads- en Stateninformatie" 2.0 shapes for meetings, agenda items, decisions and
documents; Koers's own additions (goals, kind, full decision text, SHA-256) sit beside the
ODS fields under Dutch names. Empty optional fields are left out, as ODS consumers expect."""

from __future__ import annotations

import datetime

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from koers.meetings.models import (
    Agendapunt,
    AgendapuntSoort,
    Besluit,
    GremiumSoort,
    Informatieobject,
    Standpunt,
    StandpuntVersie,
    Vergadering,
)

REFERENCE = {
    "type": "object",
    "required": ["id", "url"],
    "properties": {"id": {"type": "string"}, "url": {"type": "string", "format": "uri"}},
}
URLS = {"type": "array", "items": {"type": "string", "format": "uri"}}
MEETING_TYPE = {  # ODS's VergaderingsType has no IPO bodies; the closest fits
    GremiumSoort.BAC: "commissievergadering",
    GremiumSoort.AAC: "commissievergadering",
}


def url_of(request, name: str, pk) -> str:
    return request.build_absolute_uri(reverse(f"api:{name}-detail", args=[str(pk)]))


def reference(request, name: str, pk) -> dict:
    return {"id": str(pk), "url": url_of(request, name, pk)}


class OdsSerializer(serializers.Serializer):
    """Leaves out fields without a value (ODS types are not nullable)."""

    def to_representation(self, instance):
        data = super().to_representation(instance)
        return {key: value for key, value in data.items() if value is not None}


@extend_schema_field(
    {
        "type": "object",
        "required": ["gremiumidentificatie", "gremiumnaam"],
        "properties": {
            "gremiumidentificatie": {"type": "string", "maxLength": 10},
            "gremiumnaam": {"type": "string", "maxLength": 100},
        },
    }
)
class GremiumField(serializers.Field):
    def to_representation(self, gremium):
        return {"gremiumidentificatie": gremium.code, "gremiumnaam": gremium.naam[:100]}


@extend_schema_field(REFERENCE)
class ReferenceField(serializers.Field):
    def __init__(self, name: str, **kwargs):
        self.resource = name
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, pk):
        return reference(self.context["request"], self.resource, pk)


class VergaderingSerializer(OdsSerializer):
    url = serializers.SerializerMethodField()
    id = serializers.CharField(source="pk")
    vergaderingstype = serializers.SerializerMethodField()
    naam = serializers.SerializerMethodField()
    vergaderdatum = serializers.DateField(source="datum")
    aanvangVergadering = serializers.SerializerMethodField()  # noqa: N815
    locatie = serializers.CharField(allow_null=True)
    status = serializers.CharField()
    vergadertoelichting = serializers.CharField(source="toelichting", allow_null=True)
    georganiseerdDoorGremium = GremiumField(source="gremium")  # noqa: N815
    agendapunten = serializers.SerializerMethodField()
    bijlagen = serializers.SerializerMethodField()
    wijzigingsdatum = serializers.SerializerMethodField()

    @extend_schema_field({"type": "string", "format": "uri"})
    def get_url(self, v: Vergadering) -> str:
        return url_of(self.context["request"], "vergadering", v.pk)

    @extend_schema_field(
        {"type": "string", "enum": ["commissievergadering", "algemene_bestuursvergadering"]}
    )
    def get_vergaderingstype(self, v: Vergadering) -> str:
        return MEETING_TYPE.get(v.gremium.soort, "algemene_bestuursvergadering")

    def get_naam(self, v: Vergadering) -> str:
        return str(v)[:100]

    @extend_schema_field({"type": "string", "format": "date-time"})
    def get_aanvangVergadering(self, v: Vergadering) -> str | None:  # noqa: N802
        if v.aanvang is None:
            return None
        return datetime.datetime.combine(v.datum, v.aanvang).astimezone().isoformat()

    @extend_schema_field(URLS)
    def get_agendapunten(self, v: Vergadering) -> list[str]:
        return [url_of(self.context["request"], "agendapunt", p.pk) for p in v.agendapunten.all()]

    @extend_schema_field(URLS)
    def get_bijlagen(self, v: Vergadering) -> list[str]:
        visible = self.context["visible_documents"]
        return [
            url_of(self.context["request"], "informatieobject", d.pk)
            for d in v.bijlagen.all()
            if d.pk in visible
        ]

    @extend_schema_field({"type": "string", "format": "date"})
    def get_wijzigingsdatum(self, v: Vergadering) -> str:
        return v.gewijzigd_op.date().isoformat()

    def to_representation(self, instance):
        data = super().to_representation(instance)
        for key in ("locatie", "vergadertoelichting"):
            if data.get(key) == "":
                data.pop(key)
        return data


class AgendapuntSerializer(OdsSerializer):
    url = serializers.SerializerMethodField()
    id = serializers.CharField(source="pk")
    vergadering = ReferenceField("vergadering", source="vergadering_id")
    agendapuntKenmerk = serializers.CharField(source="volgnummer")  # noqa: N815
    agendapuntvolgnummer = serializers.CharField(source="volgnummer")
    agendapuntTitel = serializers.CharField(source="titel")  # noqa: N815
    agendapuntOmschrijving = serializers.CharField(source="omschrijving")  # noqa: N815
    indicatieHamerstuk = serializers.SerializerMethodField()  # noqa: N815
    indicatorBehandeld = serializers.SerializerMethodField()  # noqa: N815
    informatieobjecten = serializers.SerializerMethodField()
    soort = serializers.ChoiceField(
        choices=AgendapuntSoort.choices,
        help_text="Koers: besluitvormend, informerend of hamerstuk.",
    )
    doelen = serializers.SerializerMethodField(
        help_text="Koers: de doelen (nummers) waar dit punt over gaat."
    )
    besluit = serializers.SerializerMethodField(help_text="Koers: het besluit op dit agendapunt.")

    @extend_schema_field({"type": "string", "format": "uri"})
    def get_url(self, p: Agendapunt) -> str:
        return url_of(self.context["request"], "agendapunt", p.pk)

    def get_indicatieHamerstuk(self, p: Agendapunt) -> bool:  # noqa: N802
        return p.soort == AgendapuntSoort.HAMERSTUK

    def get_indicatorBehandeld(self, p: Agendapunt) -> bool:  # noqa: N802
        return hasattr(p, "besluit")

    @extend_schema_field(URLS)
    def get_informatieobjecten(self, p: Agendapunt) -> list[str]:
        visible = self.context["visible_documents"]
        return [
            url_of(self.context["request"], "informatieobject", d.pk)
            for d in p.documenten.all()
            if d.pk in visible
        ]

    @extend_schema_field({"type": "array", "items": {"type": "string"}})
    def get_doelen(self, p: Agendapunt) -> list[str]:
        return [goal.number for goal in p.doelen.all()]

    @extend_schema_field(REFERENCE)
    def get_besluit(self, p: Agendapunt) -> dict | None:
        besluit = getattr(p, "besluit", None)
        return reference(self.context["request"], "besluit", besluit.pk) if besluit else None

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if data.get("agendapuntOmschrijving") == "":
            data.pop("agendapuntOmschrijving")
        return data


class BesluitSerializer(OdsSerializer):
    url = serializers.SerializerMethodField()
    id = serializers.CharField(source="pk")
    besluitresultaat = serializers.CharField(source="get_resultaat_display")
    besluittoelichting = serializers.SerializerMethodField()
    agendapunt = ReferenceField(
        "agendapunt", source="agendapunt_id", help_text="Koers: het agendapunt."
    )
    besluittekst = serializers.CharField(
        source="tekst", help_text="Koers: de volledige besluittekst."
    )

    @extend_schema_field({"type": "string", "format": "uri"})
    def get_url(self, b: Besluit) -> str:
        return url_of(self.context["request"], "besluit", b.pk)

    @extend_schema_field({"type": "string", "maxLength": 200})
    def get_besluittoelichting(self, b: Besluit) -> str:
        return b.tekst if len(b.tekst) <= 200 else b.tekst[:199] + "…"


class InformatieObjectSerializer(OdsSerializer):
    url = serializers.SerializerMethodField()
    id = serializers.CharField(source="pk")
    titel = serializers.CharField()
    informatieobjecttype = serializers.CharField()
    creatiedatum = serializers.DateField()
    link = serializers.SerializerMethodField()
    taal = serializers.SerializerMethodField()
    agendapunten = serializers.SerializerMethodField()
    vergaderingen = serializers.SerializerMethodField()
    formaat = serializers.CharField(help_text="Koers: het mediatype van het bestand.")
    sha256 = serializers.CharField(
        source="bestand.sha256", help_text="Koers: SHA-256 van het bestand."
    )

    @extend_schema_field({"type": "string", "format": "uri"})
    def get_url(self, d: Informatieobject) -> str:
        return url_of(self.context["request"], "informatieobject", d.pk)

    @extend_schema_field({"type": "string", "format": "uri"})
    def get_link(self, d: Informatieobject) -> str:
        return self.context["request"].build_absolute_uri(reverse("meetings:document", args=[d.pk]))

    def get_taal(self, d: Informatieobject) -> str:
        return "dut"  # ISO 639-2/B

    @extend_schema_field({"type": "array", "items": REFERENCE})
    def get_agendapunten(self, d: Informatieobject) -> list[dict]:
        return [
            reference(self.context["request"], "agendapunt", p.pk) for p in d.agendapunten.all()
        ]

    @extend_schema_field({"type": "array", "items": REFERENCE})
    def get_vergaderingen(self, d: Informatieobject) -> list[dict]:
        meetings = {p.vergadering_id for p in d.agendapunten.all()} | {
            v.pk for v in d.vergaderingen.all()
        }
        return [reference(self.context["request"], "vergadering", pk) for pk in sorted(meetings)]


class StandpuntVersieSerializer(serializers.ModelSerializer):
    """One version of a joint position (Koers's own resource; ODS has none)."""

    # Declared, not derived from the model: a PositiveIntegerField's maximum differs per
    # database (int64 on SQLite, int32 on PostgreSQL) and the OpenAPI document must not.
    versie = serializers.IntegerField(min_value=1)
    titel = serializers.CharField()
    doelen = serializers.SerializerMethodField()
    besluit = serializers.SerializerMethodField()
    vastgelegdOp = serializers.DateTimeField(source="aangemaakt_op")  # noqa: N815

    class Meta:
        model = StandpuntVersie
        fields = [
            "versie",
            "titel",
            "tekst",
            "status",
            "arena",
            "geadresseerden",
            "besluit",
            "doelen",
            "vastgelegdOp",
        ]

    @extend_schema_field({"type": "array", "items": {"type": "string"}})
    def get_doelen(self, v: StandpuntVersie) -> list[str]:
        return [goal.number for goal in v.doelen.all()]

    @extend_schema_field({**REFERENCE, "nullable": True})
    def get_besluit(self, v: StandpuntVersie) -> dict | None:
        return reference(self.context["request"], "besluit", v.besluit_id) if v.besluit_id else None


class StandpuntSerializer(serializers.Serializer):
    """A joint position: its current version and all earlier ones, newest first."""

    url = serializers.SerializerMethodField()
    id = serializers.CharField(source="pk")
    huidigeVersie = serializers.SerializerMethodField()  # noqa: N815
    versies = serializers.SerializerMethodField()

    @extend_schema_field({"type": "string", "format": "uri"})
    def get_url(self, s: Standpunt) -> str:
        return url_of(self.context["request"], "standpunt", s.pk)

    def _versions(self, s: Standpunt) -> list[StandpuntVersie]:
        versions = sorted(s.versies.all(), key=lambda v: -v.versie)
        if not self.context["insider"]:
            versions = [v for v in versions if v.status != "concept"]
        return versions

    @extend_schema_field(StandpuntVersieSerializer)
    def get_huidigeVersie(self, s: Standpunt) -> dict:  # noqa: N802
        return StandpuntVersieSerializer(self._versions(s)[0], context=self.context).data

    @extend_schema_field(StandpuntVersieSerializer(many=True))
    def get_versies(self, s: Standpunt) -> list[dict]:
        return StandpuntVersieSerializer(self._versions(s), many=True, context=self.context).data
