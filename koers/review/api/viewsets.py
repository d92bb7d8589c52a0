"""/toetsrondes and /voorstellen: read for everyone; the programme office opens and adopts a
round, a theme lead proposes for the goals of their own theme (same rules as the site)."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework import status as http
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from koers.api.conventions import ReadOnlyViewSet
from koers.api.fields import ID
from koers.api.problems import Problem
from koers.indicators.models import Target
from koers.programme.models import Goal
from koers.review import service
from koers.review.api.serializers import (
    ToetsrondeSerializer,
    VaststellingSerializer,
    VoorstelInvoerSerializer,
    VoorstelSerializer,
)
from koers.review.errors import InvalidProposal, ReviewError
from koers.review.models import Assessment, Proposal, ReviewRound


class ReviewConflict(Problem):
    status_code = http.HTTP_409_CONFLICT
    default_code = "review_conflict"


def _conflict(exc: ReviewError) -> Exception:
    if isinstance(exc, InvalidProposal):
        return ValidationError({exc.context.get("field", "voorstel"): [exc.message]})
    problem = ReviewConflict(exc.message)
    problem.default_code = exc.code
    return problem


class ToetsrondeOpenen(serializers.Serializer):
    begrotingsjaar = serializers.IntegerField(min_value=2000, max_value=2100)
    titel = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)


@extend_schema_view(
    list=extend_schema(summary="Toetsrondes", description="De jaarlijkse toetsen, nieuwste eerst."),
    retrieve=extend_schema(summary="Eén toetsronde", description="Op begrotingsjaar, bv. 2027."),
)
class ToetsrondeViewSet(ReadOnlyViewSet):
    """Jaarlijkse toetsen van de doelen, per begrotingsjaar (open, in behandeling, vastgesteld)."""

    serializer_class = ToetsrondeSerializer
    lookup_field = "budget_year"
    lookup_url_kwarg = "jaar"
    lookup_value_regex = ID
    queryset = ReviewRound.objects.order_by("-budget_year")

    @extend_schema(
        summary="Toetsronde openen",
        description="Het programmabureau opent de toets voor een begrotingsjaar (409: bestaat al).",
        request=ToetsrondeOpenen,
        responses={201: ToetsrondeSerializer, 409: OpenApiResponse(description="Bestaat al.")},
    )
    def create(self, request):
        data = ToetsrondeOpenen(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            round_ = service.open_round(
                data.validated_data["begrotingsjaar"], title=data.validated_data["titel"],
                user=request.user,
            )  # fmt: skip
        except ReviewError as exc:
            raise _conflict(exc) from exc
        body = ToetsrondeSerializer(round_, context=self.get_serializer_context()).data
        return Response(body, status=http.HTTP_201_CREATED,
                        headers={"Location": body["_links"]["self"]["href"]})  # fmt: skip

    def get_permissions(self):
        return (
            [IsAuthenticated()]
            if self.action in ("create", "vaststellen")
            else super().get_permissions()
        )

    @extend_schema(
        summary="Toetsronde vaststellen",
        description=(
            "Het IPO-bestuur stelt de ronde vast: voorstellen worden nieuwe doelversies en "
            "streefwaarden vanaf de besluitdatum. 409 zolang doelen geen beoordeling hebben en "
            "geen reden is gegeven, of als de ronde al is vastgesteld."
        ),
        request=VaststellingSerializer,
        responses={200: ToetsrondeSerializer, 409: OpenApiResponse(description="Niet mogelijk.")},
    )
    @action(detail=True, methods=["post"], url_path="vaststellen")
    def vaststellen(self, request, jaar: str):
        decision = VaststellingSerializer(data=request.data)
        decision.is_valid(raise_exception=True)
        round_ = self.get_object()
        data = decision.validated_data
        try:
            round_ = service.adopt_round(
                round_, decision_date=data["besluitdatum"],
                budget_reference=data["begrotingKenmerk"],
                missing_reason=data["redenOntbrekendeBeoordelingen"], user=request.user,
            )  # fmt: skip
        except ReviewError as exc:
            raise _conflict(exc) from exc
        return Response(ToetsrondeSerializer(round_, context=self.get_serializer_context()).data)


class VoorstelQuery(serializers.Serializer):
    toetsronde = serializers.IntegerField(required=False, help_text="Begrotingsjaar, bv. 2027.")
    doel = serializers.RegexField(r"^[0-9]+(?:\.[0-9]+)*$", max_length=12, required=False)


@extend_schema_view(
    list=extend_schema(
        summary="Voorstellen",
        description=(
            "Per doel en toetsronde: beoordeling, voorstel en (na vaststelling) wat er veranderde."
        ),
        parameters=[VoorstelQuery],
    ),
    retrieve=extend_schema(summary="Eén voorstel"),
)
class VoorstelViewSet(ReadOnlyViewSet):
    """Voorstellen van de jaarlijkse toets: handhaven, tekst of streefwaarde bijstellen of
    het doel beëindigen."""

    serializer_class = VoorstelSerializer
    lookup_value_regex = ID

    def get_queryset(self):
        proposals = Proposal.objects.select_related("round", "goal", "goal_version").order_by(
            "-round__budget_year", "goal__theme__number", "goal__position"
        )
        if self.action == "list":
            query = self.query(VoorstelQuery)
            if query.get("toetsronde"):
                proposals = proposals.filter(round__budget_year=query["toetsronde"])
            if query.get("doel"):
                proposals = proposals.filter(goal__number=query["doel"])
        return proposals

    def get_serializer_context(self) -> dict:
        assessments = {
            (a.round_id, a.goal_id): a.text
            for a in Assessment.objects.only("round_id", "goal_id", "text")
        }
        return {**super().get_serializer_context(), "assessments": assessments}

    def get_permissions(self):
        return [IsAuthenticated()] if self.action == "create" else super().get_permissions()

    @extend_schema(
        summary="Beoordelen en voorstellen",
        description=(
            "De themasecretaris legt voor een doel van het eigen thema de beoordeling en het "
            "voorstel vast (een bestaand voorstel wordt vervangen). Het programmabureau mag "
            "dit voor elk doel. 400 als het voorstel mist wat zijn soort vraagt; 409 als de "
            "ronde al is vastgesteld."
        ),
        request=VoorstelInvoerSerializer,
        responses={201: VoorstelSerializer, 409: OpenApiResponse(description="Ronde vastgesteld.")},
    )
    def create(self, request):
        entry = VoorstelInvoerSerializer(data=request.data)
        entry.is_valid(raise_exception=True)
        data = entry.validated_data
        round_ = ReviewRound.objects.filter(budget_year=data["toetsronde"]).first()
        goal = Goal.objects.filter(number=data["doel"]).first()
        if round_ is None or goal is None:
            raise ValidationError({"toetsronde" if round_ is None else "doel": ["Bestaat niet."]})
        target = None
        if data["streefwaardeId"] is not None:
            target = Target.objects.filter(pk=data["streefwaardeId"]).first()
            if target is None:
                raise ValidationError({"streefwaardeId": ["Bestaat niet."]})
        try:
            proposal = service.review_goal(
                round_, goal, data["beoordeling"], data["soort"], data["reden"], user=request.user,
                new_text=data["nieuweTekst"], target=target,
                new_target_value=data["nieuweStreefwaarde"],
                new_target_year=data["nieuwStreefjaar"],
            )  # fmt: skip
        except ReviewError as exc:
            raise _conflict(exc) from exc
        proposal = self.get_queryset().get(pk=proposal.pk)
        body = VoorstelSerializer(proposal, context=self.get_serializer_context()).data
        return Response(body, status=http.HTTP_201_CREATED,
                        headers={"Location": body["_links"]["self"]["href"]})  # fmt: skip
