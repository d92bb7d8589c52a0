"""Areas (gebieden) with their codes and parents, as API resources."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from koers.api.conventions import absolute, link
from koers.api.fields import BlankAsNullField, links_schema
from koers.areas.models import Area, AreaLink, AreaType


class OuderSerializer(serializers.ModelSerializer):
    """One parent of an area in one hierarchy, with the dates the link holds."""

    code = serializers.CharField(source="parent.code")
    hierarchie = serializers.CharField(source="hierarchy", help_text="bv. bestuurlijk of res.")
    geldigVanaf = serializers.DateField(source="valid_from", allow_null=True)  # noqa: N815
    geldigTot = serializers.DateField(  # noqa: N815
        source="valid_to", allow_null=True, help_text="Eerste dag waarop de koppeling niet geldt."
    )

    class Meta:
        model = AreaLink
        fields = ["code", "hierarchie", "geldigVanaf", "geldigTot"]


class GebiedSerializer(serializers.ModelSerializer):
    """An area Koers reports on, keyed by its CBS-style code (PV25)."""

    code = serializers.CharField(help_text="Gebiedscode, bv. PV25 of NL01.")
    naam = serializers.CharField(source="name")
    naamEn = BlankAsNullField(source="name_en")  # noqa: N815
    type = serializers.ChoiceField(choices=AreaType.choices, read_only=True)
    cbsCode = BlankAsNullField(source="cbs_code")  # noqa: N815
    nuts2 = BlankAsNullField()
    tooi = BlankAsNullField(help_text="TOOI-identificatie (URI).")
    geldigVanaf = serializers.DateField(source="valid_from", allow_null=True)  # noqa: N815
    geldigTot = serializers.DateField(source="valid_to", allow_null=True)  # noqa: N815
    ouders = OuderSerializer(source="parent_links", many=True, read_only=True)
    heeftGeometrie = serializers.SerializerMethodField()  # noqa: N815
    _links = serializers.SerializerMethodField()

    class Meta:
        model = Area
        fields = [
            "code", "naam", "naamEn", "type", "cbsCode", "nuts2", "tooi", "geldigVanaf",
            "geldigTot", "ouders", "heeftGeometrie", "_links",
        ]  # fmt: skip

    def get_heeftGeometrie(self, area: Area) -> bool:  # noqa: N802
        known = getattr(area, "has_geometry", None)
        return known if known is not None else area.geometry is not None

    @extend_schema_field(links_schema("self"))
    def get__links(self, area: Area) -> dict:
        return {"self": link(absolute(self.context["request"], "gebied-detail", area.code))}


class GebiedDetailSerializer(GebiedSerializer):
    """An area with its boundary (GeoJSON geometry in WGS84, or null)."""

    geometrie = serializers.SerializerMethodField()

    class Meta(GebiedSerializer.Meta):
        fields = [*GebiedSerializer.Meta.fields, "geometrie"]

    @extend_schema_field({"type": "object", "nullable": True, "description": "GeoJSON (WGS84)."})
    def get_geometrie(self, area: Area) -> dict | None:
        return area.geometry
