"""The delivery workflow: who may move a delivery from which status to which."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from koers.accounts.permissions import Action, require
from koers.deliveries import four_eyes, staleness, versions
from koers.deliveries.faults import fault_point
from koers.deliveries.models import Delivery, Transition
from koers.deliveries.models import DeliveryStatus as S


class WorkflowError(Exception):
    """A transition that the workflow does not allow from the current status."""

    code = "workflow"


class StaleDelivery(WorkflowError):
    """The published state of the delivery's pairs changed since its import read it."""

    code = "stale"


#: target status → (statuses it can be reached from, the action that permits it)
TRANSITIONS: dict[str, tuple[frozenset[str], Action]] = {
    S.SUBMITTED: (frozenset({S.VALIDATED}), Action.UPLOAD_DELIVERY),
    S.APPROVED: (frozenset({S.SUBMITTED}), Action.APPROVE_DELIVERY),
    S.PUBLISHED: (frozenset({S.APPROVED}), Action.PUBLISH_DELIVERY),
    S.WITHDRAWN: (
        frozenset({S.VALIDATED, S.SUBMITTED, S.APPROVED, S.PUBLISHED}),
        Action.WITHDRAW_DELIVERY,
    ),
}


def allowed_transitions(delivery: Delivery) -> list[str]:
    return [to for to, (sources, _) in TRANSITIONS.items() if delivery.status in sources]


def record(delivery: Delivery, to_status: str, *, user=None, note: str = "") -> None:
    """Store a status change and its transition row (both land in the audit log)."""
    Transition.objects.create(
        delivery=delivery,
        from_status=delivery.status,
        to_status=to_status,
        by=user if getattr(user, "is_authenticated", False) else None,
        note=note,
    )
    delivery.status = to_status
    delivery.save(update_fields=["status"])


def _publish(delivery: Delivery) -> None:
    """Retire the published values the delivery replaces, set-based, and stamp the time."""
    now = timezone.now()
    versions.publish_observations(delivery, at=now)
    delivery.published_at = now
    delivery.changed_generation = staleness.advance_generation()
    delivery.save(update_fields=["published_at", "changed_generation"])


def _unpublish(delivery: Delivery) -> None:
    """Retire a published delivery's values and bring back the ones they replaced."""
    versions.withdraw_observations(delivery, at=timezone.now())
    delivery.changed_generation = staleness.advance_generation()
    delivery.save(update_fields=["changed_generation"])


@transaction.atomic
def transition(delivery: Delivery, to_status: str, *, user, note: str = "") -> Delivery:
    """Move ``delivery`` to ``to_status`` after checking the workflow and the user's scope.

    ``user=None`` is the trusted command line (``koers import --publish``); pages and the
    API always pass the request's user, anonymous or not, so they are always checked.
    """
    if to_status not in TRANSITIONS:
        raise WorkflowError(f"unknown target status {to_status!r}")
    sources, action = TRANSITIONS[to_status]
    if user is not None:
        require(user, action, province=delivery.province)
    delivery = Delivery.objects.select_for_update().get(pk=delivery.pk)
    if delivery.status not in sources:
        raise WorkflowError(
            f"delivery {delivery.pk} is {delivery.status}; it cannot become {to_status}"
        )
    note = four_eyes.check(delivery, to_status, user, note=note)
    if to_status in (S.APPROVED, S.PUBLISHED) and staleness.is_stale(delivery):
        raise StaleDelivery(
            f"delivery {delivery.pk} is stale: the published values it was compared with "
            "changed since it was imported; validate it again"
        )
    if to_status == S.PUBLISHED:
        _publish(delivery)
    elif to_status == S.WITHDRAWN and delivery.status == S.PUBLISHED:
        _unpublish(delivery)
    record(delivery, to_status, user=user, note=note)
    fault_point(f"before_{to_status}_commit")
    from koers.deliveries.signals import delivery_changed

    delivery_changed.send(sender=Delivery, delivery=delivery, status=to_status)
    return delivery
