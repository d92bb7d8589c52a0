"""The queue's one task, and the kinds of work a job can be.

``run_job`` is the only function django-tasks knows; the Job row carries the kind and
arguments, so the queue entry stays small and a job's status lives in one place.
"""

from __future__ import annotations

import logging
from importlib import import_module

from django_tasks import task

from koers.jobs.models import Job, JobKind, JobStatus
from koers.jobs.queue import enqueue, execute, handler

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
    return enqueue(JobKind.IMPORT, delivery=delivery, delivery_id=delivery.pk)


def enqueue_refresh(indicators: list[str] | None) -> Job:
    return enqueue(JobKind.REFRESH, indicators=indicators)


def enqueue_open_data_build() -> Job:
    """Queue one build; a build still waiting to start already covers this change."""
    waiting = Job.objects.filter(kind=JobKind.OPEN_DATA, status=JobStatus.QUEUED, attempts=0)
    return waiting.first() or enqueue(JobKind.OPEN_DATA)
