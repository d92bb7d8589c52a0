"""The queue's one task, and the kinds of work a job can be.

``run_job`` is the only function django-tasks knows; the Job row carries the kind and
arguments, so the queue entry stays small and a job's status lives in one place.
"""

from __future__ import annotations

import logging
from importlib import import_module

from django_tasks import task

from koers.jobs.models import Job, JobKind, JobStatus
from koers.jobs.queue import JobRefused, enqueue, execute, handler

log = logging.getLogger("koers.jobs")


@task()
def run_job(job_id: int) -> None:
    """Run one attempt of the job ``job_id`` (see koers.jobs.queue.execute)."""
    execute(job_id)


@handler(JobKind.IMPORT)
def process_delivery(delivery_id: int) -> dict:
    """Validate and store a received delivery from its kept original (idempotent)."""
    from koers.deliveries.storing import process

    delivery = process(delivery_id)
    return {"delivery": delivery.pk, "status": delivery.status}


@handler(JobKind.REFRESH)
def refresh(indicators: list[str] | None = None) -> dict:
    """Recompute the figures of ``indicators`` (all when None); then rebuild the open data."""
    from koers.analytics.store import refresh_indicators

    report = refresh_indicators(indicators)
    if open_data_builder() is not None:
        enqueue_open_data_build()
    return {"indicators": list(report.indicators), "rows": report.rows}


@handler(JobKind.WITHDRAW)
def withdraw(delivery_id: int, user_id: int | None = None, note: str = "") -> dict:
    """Withdraw a delivery (set-based, in one transaction); its refresh follows as a job."""
    from django.contrib.auth import get_user_model

    from koers.deliveries.models import Delivery, DeliveryStatus
    from koers.deliveries.workflow import WorkflowError, transition

    delivery = Delivery.objects.get(pk=delivery_id)
    if delivery.status == DeliveryStatus.WITHDRAWN:
        return {"delivery": delivery.pk, "status": delivery.status}  # done by an earlier try
    user = get_user_model().objects.get(pk=user_id) if user_id else None
    try:
        delivery = transition(delivery, DeliveryStatus.WITHDRAWN, user=user, note=note)
    except WorkflowError as exc:  # it moved on since the request: retrying will not help
        raise JobRefused(str(exc)) from exc
    return {"delivery": delivery.pk, "status": delivery.status}


@handler(JobKind.OPEN_DATA)
def build_open_data() -> dict:
    """Prebuild the open-data files (koers.publication.build), when that module exists."""
    build = open_data_builder()
    if build is None:
        return {"skipped": "koers.publication.build is not available"}
    outcome = build()
    return {"built": str(outcome) if outcome is not None else True}


def open_data_builder():
    """``koers.publication.build.build_open_data``, or None where it does not exist."""
    try:
        return import_module("koers.publication.build").build_open_data
    except (ImportError, AttributeError):
        return None


def enqueue_import(delivery) -> Job:
    return enqueue(
        JobKind.IMPORT,
        delivery=delivery,
        requested_by=delivery.submitted_by,
        delivery_id=delivery.pk,
    )


def request_withdrawal(delivery, *, user, note: str = ""):
    """Check that ``user`` may withdraw ``delivery`` now, then queue the withdrawal.

    Raises what ``transition`` would (PermissionDenied, WorkflowError) before anything is
    queued; returns the delivery as it stands once queued (withdrawn when jobs run at once).
    """
    from koers.accounts.permissions import require
    from koers.deliveries.models import DeliveryStatus
    from koers.deliveries.workflow import TRANSITIONS, WorkflowError

    sources, action = TRANSITIONS[DeliveryStatus.WITHDRAWN]
    require(user, action, province=delivery.province)
    if delivery.status not in sources:
        raise WorkflowError(f"delivery {delivery.pk} is {delivery.status}; it cannot be withdrawn")
    enqueue(
        JobKind.WITHDRAW,
        delivery=delivery,
        requested_by=user,
        delivery_id=delivery.pk,
        user_id=user.pk if getattr(user, "is_authenticated", False) else None,
        note=note,
    )
    delivery.refresh_from_db()
    return delivery


def enqueue_refresh(indicators: list[str] | None) -> Job:
    return enqueue(JobKind.REFRESH, indicators=indicators)


def enqueue_open_data_build() -> Job:
    """Queue one build; a build still waiting to start already covers this change."""
    waiting = Job.objects.filter(kind=JobKind.OPEN_DATA, status=JobStatus.QUEUED, attempts=0)
    return waiting.first() or enqueue(JobKind.OPEN_DATA)
