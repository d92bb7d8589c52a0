"""Read-only resource /indicatoren: the indicator catalogue."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers

from koers.api.conventions import ReadOnlyViewSet
from koers.api.enums import INDICATORSTATUS, DutchChoiceField
from koers.api.fields import CODE, number_field
from koers.indicators.api.serializers import IndicatorSerializer
from koers.indicators.models import Indicator


class IndicatorQuery(serializers.Serializer):
    status = DutchChoiceField(INDICATORSTATUS, required=False, help_text="Alleen deze status.")
    doel = number_field(required=False, help_text="Alleen indicatoren bij dit doel.")


@extend_schema_view(
    list=extend_schema(
        summary="Indicatoren",
        description="De catalogus: eenheid, optelregels, uitsplitsingen, bron en doelen.",
        parameters=[IndicatorQuery],
    ),
    retrieve=extend_schema(summary="Eén indicator", description="Een indicator op code."),
)
class IndicatorViewSet(ReadOnlyViewSet):
    """Indicatoren: wat gemeten wordt, hoe het optelt en waar het vandaan komt."""

    serializer_class = IndicatorSerializer
    lookup_field = "code"
    lookup_value_regex = CODE

    def get_queryset(self):
        indicators = Indicator.objects.select_related(
            "numerator", "denominator", "weight"
        ).prefetch_related("goals")
        if self.action == "list":
            query = self.query(IndicatorQuery)
            if query.get("status"):
                indicators = indicators.filter(status=query["status"])
            if query.get("doel"):
                indicators = indicators.filter(goals__number=query["doel"])
        return indicators.order_by("code")
