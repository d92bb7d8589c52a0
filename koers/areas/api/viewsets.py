"""Read-only resource /gebieden: the country, provinces, RES regions and other areas."""

from __future__ import annotations

from django.db.models import BooleanField, ExpressionWrapper, Q
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers

from koers.api.conventions import ReadOnlyViewSet
from koers.api.fields import CODE, code_field
from koers.areas.api.serializers import GebiedDetailSerializer, GebiedSerializer
from koers.areas.models import Area, AreaType


class GebiedQuery(serializers.Serializer):
    type = serializers.ChoiceField(
        choices=AreaType.choices, required=False, help_text="Alleen gebieden van dit type."
    )
    ouder = code_field(required=False, help_text="Alleen gebieden met deze ouder (code), bv. NL01.")


@extend_schema_view(
    list=extend_schema(
        summary="Gebieden",
        description="Alle gebieden met codes en ouders (zonder grenzen).",
        parameters=[GebiedQuery],
    ),
    retrieve=extend_schema(
        summary="Eén gebied", description="Een gebied op code, met zijn grens als GeoJSON."
    ),
)
class GebiedViewSet(ReadOnlyViewSet):
    """Gebieden in hiërarchieën met geldigheidsdata; codes volgen CBS (PV20–PV31, NL01)."""

    lookup_field = "code"
    lookup_value_regex = CODE

    def get_serializer_class(self):
        return GebiedDetailSerializer if self.action == "retrieve" else GebiedSerializer

    def get_queryset(self):
        areas = Area.objects.prefetch_related("parent_links__parent").order_by("code")
        if self.action == "list":
            query = self.query(GebiedQuery)
            if query.get("type"):
                areas = areas.filter(type=query["type"])
            if query.get("ouder"):
                areas = areas.filter(parent_links__parent__code=query["ouder"]).distinct()
        if self.action != "retrieve":  # boundaries are large; the list only says if one exists
            has = ExpressionWrapper(Q(geometry__isnull=False), output_field=BooleanField())
            areas = areas.defer("geometry").annotate(has_geometry=has)
        return areas
