"""Validate a stale delivery again: its kept original becomes a new delivery.

The new delivery is compared with what is published now; the stale one is withdrawn
with a note that points to it.
"""

from __future__ import annotations

from pathlib import Path

from koers.accounts.permissions import Action, require
from koers.deliveries.files import stored_path
from koers.deliveries.models import Delivery, DeliveryStatus
from koers.deliveries.scratch import scratch_folder
from koers.deliveries.staleness import is_stale
from koers.deliveries.storing import accept
from koers.deliveries.workflow import WorkflowError, transition


class NotStale(WorkflowError):
    """Only a stale delivery is validated again; any other still stands as it is."""

    code = "not_stale"


def revalidate(delivery: Delivery, *, user) -> Delivery:
    """Accept the stale delivery's kept original as a new `received` delivery.

    The caller imports it (storing.process, or a job). ``user=None`` is the trusted CLI.
    """
    if not is_stale(delivery):
        raise NotStale(f"delivery {delivery.pk} is not stale; nothing to validate again")
    province = delivery.province.code if delivery.province_id else None
    if user is not None:
        require(user, Action.WITHDRAW_DELIVERY, province=delivery.province)
    with scratch_folder("revalidate-") as folder:
        source = folder / (Path(delivery.file.name).name or "aanlevering")
        source.symlink_to(stored_path(delivery.file.sha256))
        mapping = None
        if delivery.mapping_text:
            mapping = folder / (delivery.mapping_name or "mapping.yaml")
            mapping.write_text(delivery.mapping_text, encoding="utf-8")
        fresh = accept(
            source,
            mapping_path=mapping,
            province=province,
            user=user,
            channel=delivery.channel,
            name=delivery.file.name,
        )
    if delivery.status != DeliveryStatus.WITHDRAWN:
        transition(
            delivery,
            DeliveryStatus.WITHDRAWN,
            user=user,
            note=f"opnieuw gevalideerd als #{fresh.pk}",
        )
    return fresh
