"""Refresh the analytics for exactly the indicators a publication or withdrawal touched.

The refresh is a job, queued after the transition commits: the publisher never waits
for it and never sees it fail (a failed refresh marks the figures stale instead).
"""

import logging

from django.db import transaction
from django.dispatch import receiver

from koers.deliveries.signals import delivery_changed

log = logging.getLogger("koers.analytics")


@receiver(delivery_changed)
def refresh_touched_indicators(sender, delivery, status, **kwargs) -> None:
    if status not in {"published", "withdrawn"}:
        return
    from koers.deliveries.models import Observation

    codes = sorted(
        set(Observation.objects.filter(delivery=delivery).values_list("indicator__code", flat=True))
    )
    if codes:
        # After commit: a rolled-back transition must not change the published figures.
        transaction.on_commit(lambda: queue_refresh(codes))


def queue_refresh(codes: list[str]) -> None:
    """Queue the refresh; whatever goes wrong is logged, never raised to the publisher."""
    from koers.jobs.tasks import enqueue_refresh

    try:
        enqueue_refresh(codes)
    except Exception:  # noqa: BLE001 - the publication is committed; the log says what failed
        log.exception("could not queue the refresh of %s", ", ".join(codes))
