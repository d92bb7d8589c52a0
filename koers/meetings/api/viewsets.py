"""Overleg in the API: the ODS resources vergaderingen, agendapunten, besluiten and
informatieobjecten, and Koers's standpunten. Read-only; visitors see published items only."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view

from koers.api.conventions import ReadOnlyViewSet
from koers.meetings.api.serializers import (
    AgendapuntSerializer,
    BesluitSerializer,
    InformatieObjectSerializer,
    StandpuntSerializer,
    VergaderingSerializer,
)
from koers.meetings.models import Agendapunt, Besluit
from koers.meetings.queries import (
    sees_unpublished,
    visible_documents,
    visible_meetings,
    visible_positions,
)


class OverlegViewSet(ReadOnlyViewSet):
    lookup_value_regex = r"[0-9]+"

    def get_serializer_context(self) -> dict:
        user = self.request.user
        return {
            **super().get_serializer_context(),
            "visible_documents": set(visible_documents(user).values_list("pk", flat=True)),
            "insider": sees_unpublished(user),
        }


def _described(name: str, plural: str):
    return extend_schema_view(
        list=extend_schema(
            summary=plural.capitalize(),
            description=f"De {plural} (ODS Open Raads- en Stateninformatie 2.0).",
        ),
        retrieve=extend_schema(summary=f"Eén {name}", description=f"Eén {name} op id."),
    )


@_described("vergadering", "vergaderingen")
class VergaderingViewSet(OverlegViewSet):
    """Vergaderingen van de IPO-gremia, nieuwste eerst; niet-openbare alleen voor medewerkers."""

    serializer_class = VergaderingSerializer

    def get_queryset(self):
        return (
            visible_meetings(self.request.user)
            .prefetch_related("agendapunten", "bijlagen")
            .order_by("-datum", "pk")
        )


@_described("agendapunt", "agendapunten")
class AgendapuntViewSet(OverlegViewSet):
    """Agendapunten van vergaderingen, met documenten, doelen en besluit."""

    serializer_class = AgendapuntSerializer

    def get_queryset(self):
        return (
            Agendapunt.objects.filter(vergadering__in=visible_meetings(self.request.user))
            .select_related("besluit")
            .prefetch_related("documenten", "doelen")
            .order_by("-vergadering__datum", "vergadering_id", "volgnummer")
        )


@_described("besluit", "besluiten")
class BesluitViewSet(OverlegViewSet):
    """Besluiten op agendapunten van gehouden vergaderingen."""

    serializer_class = BesluitSerializer

    def get_queryset(self):
        return Besluit.objects.filter(
            agendapunt__vergadering__in=visible_meetings(self.request.user)
        ).order_by("-agendapunt__vergadering__datum", "pk")


@_described("informatieobject", "informatieobjecten")
class InformatieobjectViewSet(OverlegViewSet):
    """Vergaderstukken; niet-openbare stukken bestaan voor bezoekers niet (404)."""

    serializer_class = InformatieObjectSerializer

    def get_queryset(self):
        return (
            visible_documents(self.request.user)
            .prefetch_related("agendapunten", "vergaderingen")
            .order_by("-creatiedatum", "pk")
        )


@extend_schema_view(
    list=extend_schema(
        summary="Standpunten", description="Gezamenlijke standpunten met al hun versies."
    ),
    retrieve=extend_schema(summary="Eén standpunt", description="Eén standpunt op id."),
)
class StandpuntViewSet(OverlegViewSet):
    """Gezamenlijke standpunten; een nieuwe versie overschrijft nooit een oude."""

    serializer_class = StandpuntSerializer

    def get_queryset(self):
        return (
            visible_positions(self.request.user)
            .prefetch_related("versies__doelen")
            .order_by("-aangemaakt_op", "pk")
        )
