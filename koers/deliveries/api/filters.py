"""Which observations a user sees, and the query parameters that narrow them.

The public sees only observations of published deliveries; signed-in users also see the
unpublished values of the deliveries ``Delivery.objects.visible_to(user)`` gives them.
Each visible key shows its latest version among the deliveries the user may see, so the
public keeps seeing the published value while a correction waits for approval.
"""

from __future__ import annotations

from datetime import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet
from rest_framework import serializers

from koers.api.enums import WAARDETYPE, DutchChoiceField
from koers.api.fields import code_field
from koers.api.query_fields import AreaField, MomentField, PeriodField
from koers.deliveries.models import Delivery, DeliveryStatus, Observation, Transition

#: Statuses whose observations count as current for the people who may see them.
LIVE = (DeliveryStatus.VALIDATED, DeliveryStatus.SUBMITTED, DeliveryStatus.APPROVED,
        DeliveryStatus.PUBLISHED)  # fmt: skip


def statuses_at(moment: datetime) -> dict[int, str]:
    """Each delivery's workflow status at ``moment``, from its recorded transitions."""
    steps = Transition.objects.filter(at__lte=moment).order_by("delivery_id", "at", "id")
    return dict(steps.values_list("delivery_id", "to_status"))  # the last step wins


def _delivery_ids(user, moment: datetime | None):
    own = Delivery.objects.visible_to(user)
    if moment is None:
        live = own.filter(status__in=LIVE).values("pk")
        return Delivery.objects.filter(Q(status=DeliveryStatus.PUBLISHED) | Q(pk__in=live)).values(
            "pk"
        )
    own_ids = set(own.values_list("pk", flat=True))
    return [
        pk
        for pk, status in statuses_at(moment).items()
        if status == DeliveryStatus.PUBLISHED or (pk in own_ids and status in LIVE)
    ]


def observations_visible_to(user, *, moment: datetime | None = None) -> QuerySet[Observation]:
    """The latest version of every key among the deliveries ``user`` may see (then or now).

    For someone who sees every delivery this equals ``versions.observations_as_of(moment)``.
    """
    ids = _delivery_ids(user, moment)
    newer = Observation.objects.filter(
        indicator_id=OuterRef("indicator_id"),
        area_id=OuterRef("area_id"),
        period=OuterRef("period"),
        breakdown=OuterRef("breakdown"),
        value_kind=OuterRef("value_kind"),
        version__gt=OuterRef("version"),
        delivery_id__in=ids,
    )
    observations = Observation.objects.filter(delivery_id__in=ids)
    if moment is not None:
        observations = observations.filter(recorded_at__lte=moment)
        newer = newer.filter(recorded_at__lte=moment)
    return observations.exclude(Exists(newer))


def observations_of_any_version(user) -> QuerySet[Observation]:
    """Every version, superseded ones included, from deliveries ``user`` may see now."""
    return Observation.objects.filter(delivery_id__in=_delivery_ids(user, None))


def observations_of_delivery(
    user, delivery_id: int, *, moment: datetime | None = None
) -> QuerySet[Observation]:
    """Every version one delivery brought, if ``user`` may see that delivery (then or now)."""
    ids = _delivery_ids(user, moment)
    observations = Observation.objects.filter(delivery_id=delivery_id, delivery_id__in=ids)
    if moment is not None:
        observations = observations.filter(recorded_at__lte=moment)
    return observations


class WaarnemingQuery(serializers.Serializer):
    indicator = code_field(required=False, help_text="Indicatorcode.")
    gebied = AreaField(required=False, help_text="Gebiedscode, bv. PV25.")
    periode = PeriodField(required=False, max_length=12, help_text="bv. 2023, 2023-Q4.")
    uitsplitsing = serializers.CharField(
        required=False, max_length=200, help_text="Canonieke uitsplitsing; _T is het totaal."
    )
    waardetype = DutchChoiceField(WAARDETYPE, required=False)
    aanlevering = serializers.IntegerField(
        required=False, min_value=1, help_text="Alle waarnemingen van één (zichtbare) aanlevering."
    )
    peildatum = MomentField(
        required=False, help_text="ISO 8601-tijdstip: de waarnemingen zoals ze toen golden."
    )


class AanleveringQuery(serializers.Serializer):
    provincie = AreaField(required=False, help_text="Provinciecode, bv. PV25.")
    status = serializers.ChoiceField(choices=DeliveryStatus.choices, required=False)


class VerwachteAanleveringQuery(serializers.Serializer):
    indicator = code_field(required=False)
    provincie = AreaField(required=False)
    periode = PeriodField(required=False, max_length=12)
    stand = serializers.ChoiceField(
        choices=["approved", "received", "late", "expected"], required=False
    )
