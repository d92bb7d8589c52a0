"""Read-only resources of the programme register: /themas and /doelen (with /versies)."""

from __future__ import annotations

from django.db.models import Prefetch
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.decorators import action

from koers.api.conventions import ReadOnlyViewSet
from koers.api.fields import NUMBER, number_field
from koers.programme.api.serializers import DoelSerializer, DoelVersieSerializer, ThemaSerializer
from koers.programme.models import Goal, GoalVersion, Theme
from koers.programme.queries import PROGRAMME_CODE


class DoelQuery(serializers.Serializer):
    thema = number_field(required=False, help_text="Alleen doelen van dit thema.")


@extend_schema_view(
    list=extend_schema(summary="Thema's", description="De beleidsthema's, elk met zijn doelen."),
    retrieve=extend_schema(summary="Eén thema", description="Een thema op nummer, bv. 2.1."),
)
class ThemaViewSet(ReadOnlyViewSet):
    """Beleidsthema's van het Bestuursprogramma IPO 2023–2027 (één per BAC)."""

    serializer_class = ThemaSerializer
    lookup_field = "number"
    lookup_url_kwarg = "nummer"
    lookup_value_regex = NUMBER
    queryset = (
        Theme.objects.filter(programme__code=PROGRAMME_CODE)
        .prefetch_related(Prefetch("goals", queryset=Goal.objects.order_by("position")))
        .order_by("number")
    )


@extend_schema_view(
    list=extend_schema(
        summary="Doelen",
        description="De strategische doelen met de tekst van hun huidige versie.",
        parameters=[DoelQuery],
    ),
    retrieve=extend_schema(summary="Eén doel", description="Een doel op nummer, bv. 2.3.5."),
)
class DoelViewSet(ReadOnlyViewSet):
    """Strategische doelen; bijstellingen bij de begroting voegen versies toe."""

    serializer_class = DoelSerializer
    lookup_field = "number"
    lookup_url_kwarg = "nummer"
    lookup_value_regex = NUMBER

    def get_queryset(self):
        goals = (
            Goal.objects.filter(theme__programme__code=PROGRAMME_CODE)
            .select_related("theme")
            .prefetch_related("versions", "indicators")
            .order_by("theme__number", "position", "pk")
        )
        if self.action == "list":
            theme = self.query(DoelQuery).get("thema")
            if theme:
                goals = goals.filter(theme__number=theme)
        return goals

    @extend_schema(
        summary="Versies van een doel",
        description="Alle formuleringen van een doel, nieuwste eerst (de geschiedenis blijft).",
        responses=DoelVersieSerializer(many=True),
        parameters=[OpenApiParameter("nummer", str, OpenApiParameter.PATH, pattern=NUMBER)],
    )
    @action(detail=True, url_path="versies", url_name="versies")
    def versies(self, request, nummer: str):
        goal = self.get_object()
        versions = GoalVersion.objects.filter(goal=goal).order_by("-version")
        page = self.paginate_queryset(versions)
        data = DoelVersieSerializer(page, many=True, context=self.get_serializer_context()).data
        return self.get_paginated_response(data)
