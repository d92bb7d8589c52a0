"""Resources /aggregaten (with ETag), /herkomst/{id} and /voortgang, all read-only and public."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.response import Response

from koers.analytics.api.filters import AggregaatQuery, VoortgangQuery
from koers.analytics.api.serializers import (
    AggregaatSerializer,
    HerkomstSerializer,
    VoortgangSerializer,
)
from koers.analytics.lineage import trace_lineage
from koers.analytics.progress import progress_for
from koers.analytics.store import aggregates
from koers.api.conventions import ApiView, ApiViewSet
from koers.api.etag import conditional
from koers.api.fields import ID
from koers.api.pagination import TableRows
from koers.api.problems import NotFoundProblem
from koers.engine.errors import EngineError
from koers.engine.lineage import parse_lineage_id
from koers.indicators.models import Indicator, Target

SORT = [(column, "ascending") for column in ("area", "period", "breakdown", "value_kind")]
FILTERS = {
    "gebied": "area",
    "niveau": "level",
    "periode": "period",
    "periodetype": "period_type",
    "uitsplitsing": "breakdown",
    "waardetype": "value_kind",
}


class AggregaatViewSet(ApiViewSet):
    """Aggregaten: de gematerialiseerde cijfers per gebied, periode en uitsplitsing."""

    serializer_class = AggregaatSerializer

    @extend_schema(
        summary="Aggregaten",
        description=(
            "Cijfers van één indicator, opgeteld volgens de regels van die indicator, met "
            "dekking (hoeveel onderdelen een waarde hebben), aansluiting (gerapporteerd tegen "
            "berekend totaal) en een herkomstlink. Alleen gepubliceerde data. Stuur de ETag "
            "terug in `If-None-Match` om 304 te krijgen als er niets veranderd is."
        ),
        parameters=[
            AggregaatQuery,
            OpenApiParameter(
                "If-None-Match",
                str,
                OpenApiParameter.HEADER,
                required=False,
                description="ETag van een eerder antwoord.",
            ),
        ],  # fmt: skip
        responses={
            200: AggregaatSerializer(many=True),
            304: OpenApiResponse(description="Niet gewijzigd sinds de meegegeven ETag."),
        },
    )
    def list(self, request):
        query = self.query(AggregaatQuery)
        filters = {column: query[param] for param, column in FILTERS.items() if param in query}
        table = aggregates(query["indicator"], **filters)
        table = table.sort_by([*SORT, ("lineage_id", "ascending")])
        page = self.paginate_queryset(TableRows(table))
        response = self.get_paginated_response(self.get_serializer(page, many=True).data)
        return conditional(request, response.data, response)


class HerkomstView(ApiView):
    """Herkomst: waar één cijfer vandaan komt, tot op aanlevering, bestand en rij."""

    @extend_schema(
        summary="Herkomst van een cijfer",
        description=(
            "De waarnemingen achter één aggregaat. `herkomstId` is het `herkomstId` van het "
            "aggregaat, URL-gecodeerd (| wordt %7C, / wordt %2F)."
        ),
        parameters=[OpenApiParameter("herkomstId", str, OpenApiParameter.PATH)],
        responses=HerkomstSerializer,
    )
    def get(self, request, herkomstId: str):  # noqa: N803 - the URI template's own name
        key = parse_lineage_id(herkomstId)
        if not Indicator.objects.filter(code=key.indicator).exists():
            raise NotFoundProblem(f"onbekende indicator {key.indicator!r}")
        try:
            result = trace_lineage(herkomstId)
        except EngineError as exc:
            raise NotFoundProblem(exc.message) from exc
        if result["aggregate"] is None and not result["observations"]:
            raise NotFoundProblem("voor deze sleutel is geen cijfer gepubliceerd")
        return Response(HerkomstSerializer(result, context={"request": request}).data)


def progress_row(target: Target) -> dict:
    """``progress_for`` plus the target's own descriptive fields."""
    return {
        **progress_for(target),
        "breakdown": target.breakdown,
        "goal": target.goal.number if target.goal_id else None,
        "description": target.description or None,
        "source": {
            "source_title": target.source_title or None,
            "source_url": target.source_url or None,
            "source_date": target.source_date,
            "source_note": target.source_note or None,
        },
    }


class VoortgangViewSet(ApiViewSet):
    """Voortgang per streefwaarde: status, gemeten waarde en prognose."""

    serializer_class = VoortgangSerializer
    lookup_value_regex = ID

    def get_queryset(self):
        targets = Target.objects.select_related("indicator", "area", "goal").order_by(
            "indicator__code", "area__code", "target_year", "pk"
        )
        if self.action == "list":
            query = self.query(VoortgangQuery)
            if "indicator" in query:
                targets = targets.filter(indicator__code=query["indicator"])
            if "gebied" in query:
                targets = targets.filter(area__code=query["gebied"])
            if "doel" in query:
                targets = targets.filter(goal__number=query["doel"])
        return targets

    @extend_schema(
        summary="Voortgang",
        description="Voortgang naar elke streefwaarde (methode: samengestelde jaarlijkse groei).",
        parameters=[VoortgangQuery],
    )
    def list(self, request):
        page = self.paginate_queryset(self.get_queryset())
        rows = [progress_row(target) for target in page]
        return self.get_paginated_response(self.get_serializer(rows, many=True).data)

    @extend_schema(summary="Voortgang naar één streefwaarde")
    def retrieve(self, request, pk: str):
        target = get_object_or_404(self.get_queryset(), pk=pk)
        return Response(self.get_serializer(progress_row(target)).data)
