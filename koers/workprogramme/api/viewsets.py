"""Work programmes and activities: read for everyone; the status of an activity is written by
the programme office, the theme lead of its theme and the province that leads it."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Count, Prefetch
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from koers.api.conventions import ReadOnlyViewSet
from koers.api.fields import ID, code_field, number_field
from koers.workprogramme import service
from koers.workprogramme.api.serializers import (
    ActiviteitSerializer,
    StatusWijzigingSerializer,
    WerkprogrammaSerializer,
)
from koers.workprogramme.models import (
    Activity,
    ActivityStatus,
    Milestone,
    ProvincialContribution,
    WorkProgramme,
)


class WerkprogrammaQuery(serializers.Serializer):
    thema = number_field(required=False, help_text="Alleen dit thema, bv. 2.1.")
    jaar = serializers.IntegerField(required=False, min_value=2000, max_value=2100)


class ActiviteitQuery(WerkprogrammaQuery):
    doel = number_field(required=False, help_text="Alleen activiteiten voor dit doel.")
    trekker = code_field(required=False, help_text="Alleen activiteiten van deze trekker (PV25).")
    status = serializers.ChoiceField(choices=ActivityStatus.values, required=False)


@extend_schema_view(
    list=extend_schema(
        summary="Werkprogramma's",
        description="De werkprogramma's per thema (BAC) en jaar.",
        parameters=[WerkprogrammaQuery],
    ),
    retrieve=extend_schema(summary="Eén werkprogramma"),
)
class WerkprogrammaViewSet(ReadOnlyViewSet):
    """Werkprogramma's: per BAC en jaar de activiteiten die de doelen dragen."""

    serializer_class = WerkprogrammaSerializer
    lookup_value_regex = ID

    def get_queryset(self):
        programmes = (
            WorkProgramme.objects.select_related("theme")
            .annotate(activity_count=Count("activities"))
            .order_by("theme__number", "-year", "pk")
        )
        if self.action == "list":
            query = self.query(WerkprogrammaQuery)
            if query.get("thema"):
                programmes = programmes.filter(theme__number=query["thema"])
            if query.get("jaar"):
                programmes = programmes.filter(year=query["jaar"])
        return programmes


@extend_schema_view(
    list=extend_schema(
        summary="Activiteiten",
        description="De activiteiten van de werkprogramma's, met planning, status en middelen.",
        parameters=[ActiviteitQuery],
    ),
    retrieve=extend_schema(summary="Eén activiteit"),
)
class ActiviteitViewSet(ReadOnlyViewSet):
    """Activiteiten (werkzaamheden) van de werkprogramma's."""

    serializer_class = ActiviteitSerializer
    lookup_value_regex = ID

    def get_queryset(self):
        activities = (
            Activity.objects.select_related("work_programme__theme", "lead_province")
            .prefetch_related(
                "goals",
                "indicators",
                "participating_provinces",
                Prefetch("milestones", queryset=Milestone.objects.order_by("date", "pk")),
                Prefetch(
                    "contributions",
                    queryset=ProvincialContribution.objects.select_related("province"),
                ),
            )
            .order_by("work_programme__theme__number", "-work_programme__year", "start", "pk")
        )
        if self.action == "list":
            query = self.query(ActiviteitQuery)
            filters = {
                "thema": "work_programme__theme__number",
                "jaar": "work_programme__year",
                "doel": "goals__number",
                "trekker": "lead_province__code",
                "status": "status",
            }
            for name, lookup in filters.items():
                if query.get(name):
                    activities = activities.filter(**{lookup: query[name]})
            activities = activities.distinct()
        return activities

    @extend_schema(
        summary="Status wijzigen",
        description=(
            "Legt een nieuwe status van de activiteit vast: gepland, lopend, afgerond, "
            "vertraagd of gestopt (de laatste twee met een reden). Dit mogen het "
            "programmabureau, de themasecretaris van het thema en de trekkende provincie; "
            "anderen krijgen 403. Een API-token mag dit niet: de status wijzigt een persoon."
        ),
        request=StatusWijzigingSerializer,
        responses={
            200: ActiviteitSerializer,
            400: OpenApiResponse(description="Onbekende status of reden ontbreekt."),
            403: OpenApiResponse(description="Deze gebruiker mag deze status niet wijzigen."),
        },
    )
    @action(
        detail=True,
        methods=["post"],
        url_path="status",
        permission_classes=[IsAuthenticated],
    )
    def status(self, request, pk: str):
        change = StatusWijzigingSerializer(data=request.data)
        change.is_valid(raise_exception=True)
        activity = self.get_object()
        try:
            service.set_status(
                activity,
                change.validated_data["status"],
                reason=change.validated_data.get("reden", ""),
                user=request.user,
            )
        except DjangoValidationError as exc:
            raise ValidationError({"reden": exc.messages}) from exc
        activity = self.get_queryset().get(pk=activity.pk)
        return Response(self.get_serializer(activity).data)
