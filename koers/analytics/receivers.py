"""Refresh the analytics for exactly the indicators a publication or withdrawal touched."""

from django.db import transaction
from django.dispatch import receiver

from koers.deliveries.signals import delivery_changed


@receiver(delivery_changed)
def refresh_touched_indicators(sender, delivery, status, **kwargs) -> None:
    if status not in {"published", "withdrawn"}:
        return
    from koers.analytics.store import refresh_indicators
    from koers.deliveries.models import Observation

    codes = sorted(
        set(Observation.objects.filter(delivery=delivery).values_list("indicator__code", flat=True))
    )
    if codes:
        # After commit: a rolled-back transition must not change the published figures.
        transaction.on_commit(lambda: refresh_indicators(codes))
