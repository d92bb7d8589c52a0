"""Resources /waarnemingen, /aanleveringen (upload and workflow) and /verwachte-aanleveringen."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins
from rest_framework import status as http
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from koers.accounts.permissions import Action, can, require, stewarded_provinces
from koers.api.conventions import ApiViewSet, ReadOnlyViewSet
from koers.api.fields import ID
from koers.api.parsers import JSONParser
from koers.api.problems import UploadTooLarge, WorkflowConflict
from koers.deliveries.api import filters
from koers.deliveries.api.serializers import (
    AanleveringDetailSerializer,
    AanleveringSerializer,
    AanleveringUploadSerializer,
    StatusSerializer,
    VerwachteAanleveringSerializer,
    WaarnemingSerializer,
)
from koers.deliveries.completeness import completeness_for
from koers.deliveries.models import Delivery, DeliveryStatus
from koers.deliveries.query import visible_provinces
from koers.deliveries.uploads import accept_upload, upload_refused
from koers.deliveries.workflow import WorkflowError, transition
from koers.jobs.tasks import enqueue_import, request_withdrawal


@extend_schema_view(
    list=extend_schema(
        summary="Waarnemingen",
        description=(
            "Waarnemingen met hun herkomst. Zonder aanmelding alleen die van gepubliceerde "
            "aanleveringen. Met `peildatum` de stand van dat moment (geschiedenis)."
        ),
        parameters=[filters.WaarnemingQuery],
    ),
    retrieve=extend_schema(summary="Eén waarneming"),
)
class WaarnemingViewSet(ReadOnlyViewSet):
    """Waarnemingen: één versie van één waarde; correcties voegen versies toe."""

    serializer_class = WaarnemingSerializer
    lookup_value_regex = ID

    def get_queryset(self):
        user = self.request.user
        if self.action != "list":
            return filters.observations_of_any_version(user)
        query = self.query(filters.WaarnemingQuery)
        moment = query.get("peildatum")
        if "aanlevering" in query:
            observations = filters.observations_of_delivery(
                user, query["aanlevering"], moment=moment
            )
        else:
            observations = filters.observations_visible_to(user, moment=moment)
        for param, field in (
            ("indicator", "indicator__code"), ("gebied", "area__code"), ("periode", "period"),
            ("uitsplitsing", "breakdown"), ("waardetype", "value_kind"),
        ):  # fmt: skip
            if param in query:
                observations = observations.filter(**{field: query[param]})
        return observations.select_related("indicator", "area").order_by(
            "indicator__code", "area__code", "period", "breakdown", "value_kind", "version"
        )


@extend_schema_view(
    list=extend_schema(
        summary="Aanleveringen",
        description="Aanleveringen die u mag zien (eigen provincie, of alle voor IPO en BIJ12).",
        parameters=[filters.AanleveringQuery],
    ),
    retrieve=extend_schema(
        summary="Eén aanlevering", description="Met validatierapport, stappen en vervolgstappen."
    ),
)
class AanleveringViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ApiViewSet):
    """Aanleveringen van provincies en bronhouders: bestand, validatierapport en status."""

    permission_classes = [IsAuthenticated]
    parser_classes = [MultiPartParser, FormParser]
    lookup_value_regex = ID

    def get_serializer_class(self):
        return AanleveringSerializer if self.action == "list" else AanleveringDetailSerializer

    def get_queryset(self):
        deliveries = Delivery.objects.select_related("file", "province", "submitted_by")
        if self.action == "list":
            deliveries = deliveries.visible_to(self.request.user)
            query = self.query(filters.AanleveringQuery)
            if "provincie" in query:
                deliveries = deliveries.filter(province__code=query["provincie"])
            if "status" in query:
                deliveries = deliveries.filter(status=query["status"])
        return deliveries.prefetch_related("transitions__by").order_by("-received_at", "-id")

    def get_object(self) -> Delivery:
        delivery = get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        if not Delivery.objects.visible_to(self.request.user).filter(pk=delivery.pk).exists():
            raise PermissionDenied("deze aanlevering is van een andere provincie")
        return delivery

    @extend_schema(
        summary="Bestand aanleveren",
        description=(
            "Upload een bestand (multipart). Koers bewaart het origineel en antwoordt meteen "
            "met 202 en de aanlevering in status `received`; een taak valideert het bestand "
            "daarna en slaat alles of niets op. Volg de aanlevering via de `Location`-header: "
            "de status wordt `validated`, `rejected` (met de fouten per bestand, rij, kolom "
            "en regel) of `failed` (verwerking mislukt, met de reden). Een bestand groter dan "
            "KOERS_MAX_UPLOAD_MB geeft 413; een bestand dat Koers niet kan lezen geeft 400."
        ),
        request={"multipart/form-data": AanleveringUploadSerializer},
        responses={
            202: AanleveringDetailSerializer,
            413: OpenApiResponse(description="Bestand groter dan de ingestelde limiet."),
        },
    )
    def create(self, request):
        fields = request.data  # parsing streams the body through the size limit
        if refused := upload_refused(request):
            raise UploadTooLarge(str(refused))
        upload = AanleveringUploadSerializer(data=fields)
        upload.is_valid(raise_exception=True)
        data = upload.validated_data
        steward_only = not can(request.user, Action.UPLOAD_DELIVERY)
        if not data.get("provincie") and steward_only and stewarded_provinces(request.user):
            raise ValidationError({"provincie": "Verplicht voor een datasteward, bv. PV25."})
        require(request.user, Action.UPLOAD_DELIVERY, province=data.get("provincie"))
        delivery = accept_upload(
            data["bestand"],
            user=request.user,
            channel="api",
            province=data.get("provincie"),
            mapping_name=data.get("mapping"),
            mapping_file=data.get("mappingBestand"),
        )
        enqueue_import(delivery)
        delivery = self.get_queryset().get(pk=delivery.pk)
        body = AanleveringDetailSerializer(delivery, context=self.get_serializer_context()).data
        return Response(
            body,
            status=http.HTTP_202_ACCEPTED,
            headers={"Location": body["_links"]["self"]["href"]},
        )

    @extend_schema(
        summary="Status wijzigen",
        description=(
            "Zet de aanlevering een stap verder: submitted (indienen), approved "
            "(goedkeuren), published (publiceren) of withdrawn (intrekken). Rol en provincie "
            "worden gecontroleerd zoals op de website; een stap die vanuit de huidige status "
            "niet kan geeft 409. Intrekken is een taak: het antwoord is dan 202 zolang de "
            "aanlevering nog niet `withdrawn` is."
        ),
        request=StatusSerializer,
        responses={
            200: AanleveringDetailSerializer,
            202: OpenApiResponse(
                AanleveringDetailSerializer,
                description="Intrekken staat als taak in de wachtrij; volg de status.",
            ),
            409: OpenApiResponse(description="Stap niet mogelijk vanuit de huidige status."),
        },
    )
    @action(detail=True, methods=["post"], url_path="status", parser_classes=[JSONParser])
    def status(self, request, pk: str):
        step = StatusSerializer(data=request.data)
        step.is_valid(raise_exception=True)
        delivery = get_object_or_404(Delivery, pk=pk)
        to, note = step.validated_data["status"], step.validated_data.get("toelichting", "")
        try:
            if to == DeliveryStatus.WITHDRAWN:  # set-based over all its rows: a job
                request_withdrawal(delivery, user=request.user, note=note)
            else:
                transition(delivery, to, user=request.user, note=note)
        except WorkflowError as exc:
            raise WorkflowConflict(str(exc)) from exc
        delivery = self.get_queryset().get(pk=delivery.pk)
        return Response(
            AanleveringDetailSerializer(delivery, context=self.get_serializer_context()).data,
            status=http.HTTP_202_ACCEPTED if delivery.status != to else http.HTTP_200_OK,
        )


class VerwachteAanleveringViewSet(ApiViewSet):
    """Verwachte aanleveringen per indicator × provincie × periode, met hun stand."""

    permission_classes = [IsAuthenticated]
    serializer_class = VerwachteAanleveringSerializer

    @extend_schema(
        summary="Verwachte aanleveringen",
        description=(
            "Compleetheid: wat per provincie, indicator en periode binnen had moeten zijn. "
            "Datastewards zien hun eigen provincie; IPO en BIJ12 alle."
        ),
        parameters=[filters.VerwachteAanleveringQuery],
    )
    def list(self, request):
        query = self.query(filters.VerwachteAanleveringQuery)
        if visible_provinces(request.user) == frozenset():
            raise PermissionDenied("alleen voor IPO, BIJ12 en datastewards")
        rows = [
            row
            for row in completeness_for(request.user, indicator=query.get("indicator"))
            if all(query.get(param) in (None, row[field]) for param, field in ROW_FILTERS)
        ]
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


ROW_FILTERS = (("provincie", "province"), ("periode", "period"), ("stand", "state"))
