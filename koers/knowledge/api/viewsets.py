"""Open resources /praktijkvoorbeelden (published versions only) and /kennisvragen."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.response import Response

from koers.api.conventions import ApiViewSet, ReadOnlyViewSet
from koers.api.problems import NotFoundProblem
from koers.knowledge.api.serializers import KennisvraagSerializer, PraktijkvoorbeeldSerializer
from koers.knowledge.models import KnowledgeQuestion
from koers.knowledge.queries import published_versions

#: A database id: at most 18 digits, so a longer number is a 404, not an integer overflow.
ID_IN_RANGE = r"[0-9]{1,18}"


class PraktijkQuery(serializers.Serializer):
    thema = serializers.CharField(required=False, help_text="Themanummer, bv. 2.2.")
    doel = serializers.CharField(required=False, help_text="Doelnummer, bv. 2.2.3.")
    trekker = serializers.CharField(required=False, help_text="Provinciecode, bv. PV25.")


@extend_schema_view(
    list=extend_schema(
        summary="Praktijkvoorbeelden",
        description="De gepubliceerde versie van elk praktijkvoorbeeld (CC BY 4.0).",
        parameters=[PraktijkQuery],
    ),
    retrieve=extend_schema(summary="Eén praktijkvoorbeeld"),
)
class PraktijkvoorbeeldViewSet(ApiViewSet):
    """Praktijkvoorbeelden en lessen uit gebiedsprocessen; namen alleen met toestemming."""

    serializer_class = PraktijkvoorbeeldSerializer
    lookup_value_regex = ID_IN_RANGE

    def list(self, request):
        query = self.query(PraktijkQuery)
        versions = published_versions().prefetch_related("goals", "areas")
        if query.get("thema"):
            versions = versions.filter(practice__theme__number=query["thema"])
        if query.get("trekker"):
            versions = versions.filter(practice__lead_province__code=query["trekker"])
        if query.get("doel"):
            versions = versions.filter(goals__number=query["doel"])
        page = self.paginate_queryset(versions)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, pk: str):
        version = published_versions().filter(practice_id=int(pk)).first()
        if version is None:
            raise NotFoundProblem(f"praktijkvoorbeeld {pk} bestaat niet of is niet gepubliceerd")
        return Response(self.get_serializer(version).data)


@extend_schema_view(
    list=extend_schema(summary="Kennisvragen", description="De kennisagenda's van de BAC's."),
    retrieve=extend_schema(
        summary="Eén kennisvraag",
        parameters=[OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH)],
    ),
)
class KennisvraagViewSet(ReadOnlyViewSet):
    """Kennisvragen per thema met hun status en wat ze beantwoordt."""

    serializer_class = KennisvraagSerializer
    lookup_value_regex = ID_IN_RANGE
    queryset = KnowledgeQuestion.objects.select_related("theme").prefetch_related("practices")
