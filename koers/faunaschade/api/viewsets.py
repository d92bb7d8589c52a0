"""Open resources: /faunaschade-regelingen (the regimes) and /faunaschade-cijfers (aggregates).

Claims themselves are not in the API: they hold personal data and no API token scope
covers them yet (docs/faunaschade.md).
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.response import Response

from koers.api.conventions import ApiView, ApiViewSet
from koers.api.problems import NotFoundProblem
from koers.faunaschade import aggregates
from koers.faunaschade.api.serializers import (
    CijfersSerializer,
    RegelingSerializer,
)
from koers.faunaschade.rules.comparison import PARAMETERS, cells
from koers.faunaschade.rules.regime import Regime
from koers.faunaschade.rules.shipped import shipped_regimes


class RegelingQuery(serializers.Serializer):
    datum = serializers.DateField(
        required=False, help_text="Alleen de regelingen die op deze datum golden (JJJJ-MM-DD)."
    )
    provincie = serializers.CharField(
        required=False, help_text="Alleen deze provincie (PV20–PV31, NL)."
    )


def regeling(regime: Regime) -> dict:
    by_key = cells(regime)
    return {
        "id": regime.id,
        "provincie": regime.province,
        "titel": regime.title,
        "geldigVanaf": regime.valid_from,
        "geldigTot": regime.valid_to,
        "bepalendeDatum": regime.decisive_date,
        "bron": regime.source,
        "parameters": [
            {
                "parameter": key,
                "naam": label,
                "waarde": by_key[key].text,
                "bekend": by_key[key].known,
                "bron": by_key[key].source,
                "tag": by_key[key].tag,
            }
            for key, label in PARAMETERS
        ],
    }


@extend_schema_view(
    list=extend_schema(
        summary="Regelingen faunaschade",
        description="De beleidsregels van de provincies als gegevens, met de bron van elke "
        "waarde; `onbekend` waar de bron ontbreekt.",
        parameters=[RegelingQuery],
    ),
    retrieve=extend_schema(summary="Eén regeling faunaschade"),
)
class RegelingViewSet(ApiViewSet):
    """Regelingen faunaschade: openbaar beleid, per provincie en periode."""

    serializer_class = RegelingSerializer
    lookup_field = "id"
    lookup_value_regex = r"[A-Za-z0-9-]+"

    def list(self, request):
        query = self.query(RegelingQuery)
        regimes = [
            r
            for r in shipped_regimes()
            if (not query.get("datum") or r.in_force_on(query["datum"]))
            and (not query.get("provincie") or r.province == query["provincie"])
        ]
        regimes.sort(key=lambda r: (r.province, r.valid_from))
        page = self.paginate_queryset(regimes)
        return self.get_paginated_response(
            self.get_serializer([regeling(r) for r in page], many=True).data
        )

    def retrieve(self, request, id: str):  # noqa: A002 - the resource's own key
        regime = next((r for r in shipped_regimes() if r.id == id), None)
        if regime is None:
            raise NotFoundProblem(f"regeling {id!r} bestaat niet")
        return Response(self.get_serializer(regeling(regime)).data)


def _cells(table: aggregates.Table) -> list[dict]:
    return [
        {
            "schadejaar": cell.group,
            "sleutel": str(cell.key),
            "afgeschermd": cell.suppressed,
            "aanvragen": None if cell.suppressed else cell.claims,
            "getaxeerd": None if cell.suppressed else cell.values["taxed"],
            "uitgekeerd": None if cell.suppressed else cell.values["paid"],
        }
        for year, members, _total in table.by_year()
        for cell in members
    ]


class CijfersView(ApiView):
    """Faunaschade in cijfers: BIJ12's jaartotalen en de afgeschermde cijfers van aanvragen."""

    @extend_schema(
        summary="Cijfers faunaschade",
        description="De gepubliceerde jaartotalen van BIJ12 met bron, en getaxeerde en "
        "uitgekeerde schade van besloten aanvragen per schadejaar en provincie, diersoort en "
        "gewas. Cellen met minder dan drie aanvragen, of af te leiden uit een totaal, zijn "
        "afgeschermd.",
        responses=CijfersSerializer,
    )
    def get(self, request):
        provinces, species, crops = aggregates.tables("diersoort", "gewas")
        data = {
            "jaarcijfers": [
                {
                    "jaar": t.year,
                    "uitgekeerd": t.paid,
                    "afgerond": t.approximate,
                    "aanvragen": t.applications,
                    "toelichting": t.note,
                    "bron": t.source,
                }
                for t in aggregates.published_totals()
            ],
            "perProvincie": _cells(provinces),
            "perDiersoort": _cells(species),
            "perGewas": _cells(crops),
        }
        return Response(CijfersSerializer(data).data)
