"""/faunaschade-aanvragen: claims for BIJ12's systems, with a claims handler's token only.

A claim holds personal data (AVG): every request checks ``Action.HANDLE_CLAIMS``, which
only the claims handler role has and only a token of scope ``claims`` carries. Reading
lists and shows claims; POST records an application in the JSON of docs/faunaschade.md.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiTypes, extend_schema, extend_schema_view
from rest_framework import serializers, status
from rest_framework.response import Response

from koers.accounts.permissions import Action, require
from koers.api.conventions import ApiViewSet
from koers.api.fields import ID
from koers.api.problems import Problem
from koers.faunaschade import claims as workflow
from koers.faunaschade.models import Claim
from koers.faunaschade.rules.claim import ClaimError


class SchadepostSerializer(serializers.Serializer):
    perceel = serializers.CharField(source="parcel")
    gewas = serializers.CharField(source="crop")
    gewascategorie = serializers.CharField(source="crop_category")
    soort = serializers.CharField(source="species")
    schadedatum = serializers.DateField(source="damage_date")
    getaxeerd = serializers.DecimalField(
        source="taxed", max_digits=12, decimal_places=2, allow_null=True, coerce_to_string=True
    )
    uitgekeerd = serializers.DecimalField(
        source="paid", max_digits=12, decimal_places=2, allow_null=True, coerce_to_string=True
    )


class AanvraagSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    provincie = serializers.CharField(source="province.code")
    status = serializers.CharField(source="state")
    aanvrager = serializers.CharField(source="applicant")
    kvk = serializers.CharField()
    iban = serializers.CharField()
    aanvraagdatum = serializers.DateField(source="applied_on")
    schadeGeconstateerd = serializers.DateField(source="noticed_on")
    regeling = serializers.CharField(source="regime")
    uitkomst = serializers.CharField(source="outcome")
    tegemoetkoming = serializers.DecimalField(
        source="payout", max_digits=12, decimal_places=2, allow_null=True, coerce_to_string=True
    )
    besluitdatum = serializers.DateField(source="decided_on", allow_null=True)
    betaaldatum = serializers.DateField(source="paid_on", allow_null=True)
    schadeposten = SchadepostSerializer(source="items.all", many=True)


class ClaimProblem(Problem):
    default_code = "claim_invalid"


@extend_schema_view(
    list=extend_schema(
        summary="Schadeaanvragen (alleen schadebehandelaars)",
        description="Aanvragen met persoonsgegevens: alleen met een token van bereik `claims` "
        "van een schadebehandelaar van BIJ12.",
    ),
    retrieve=extend_schema(summary="Eén schadeaanvraag"),
    create=extend_schema(
        summary="Een aanvraag indienen",
        description="De aanvraag in de JSON van docs/faunaschade.md, met `aanvrager.naam`.",
        request=OpenApiTypes.OBJECT,
        responses={201: AanvraagSerializer},
    ),
)
class AanvraagViewSet(ApiViewSet):
    serializer_class = AanvraagSerializer
    lookup_value_regex = ID

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        require(request.user, Action.HANDLE_CLAIMS)

    def get_queryset(self):
        return Claim.objects.select_related("province").prefetch_related("items")

    def list(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, pk: str):
        return Response(self.get_serializer(get_object_or_404(self.get_queryset(), pk=pk)).data)

    def create(self, request):
        data = request.data if isinstance(request.data, dict) else {}
        applicant = (
            data.get("aanvrager", {}).get("naam", "")
            if isinstance(data.get("aanvrager"), dict)
            else ""
        )
        try:
            claim = workflow.submit(data, user=request.user, applicant=str(applicant)[:200])
        except ClaimError as exc:
            raise ClaimProblem(exc.message) from None
        return Response(self.get_serializer(claim).data, status=status.HTTP_201_CREATED)
