"""Queue a job and run it: bounded attempts, a growing wait between them, a readable status.

Every job goes through :func:`enqueue` and runs in :func:`execute`; the kinds of work are
the handlers in ``koers.jobs.tasks``. A job runs at most once at a time (it is claimed
with one conditional UPDATE) and its handler is idempotent, so a retry or a second
delivery of the same queue entry is harmless.
"""

from __future__ import annotations

import contextvars
import logging
import os
import socket
import time
from collections.abc import Callable
from datetime import timedelta

from auditlog.context import auditlog_value, set_extra_data
from django.db import transaction
from django.db.models import F
from django.db.models.signals import pre_save
from django.utils import timezone

from koers.config import config
from koers.jobs.models import Job, JobKind, JobStatus

log = logging.getLogger("koers.jobs")

#: job kind → the function that does the work (registered by koers.jobs.tasks)
HANDLERS: dict[str, Callable[..., dict | None]] = {}


def handler(kind: JobKind) -> Callable:
    def register(function: Callable[..., dict | None]) -> Callable[..., dict | None]:
        HANDLERS[kind] = function
        return function

    return register


def this_worker() -> str:
    """host:pid of this process, recorded on the job it runs."""
    return f"{socket.gethostname()}:{os.getpid()}"


class JobRefused(Exception):
    """The work cannot be done as asked (e.g. the delivery moved on): fail, do not retry."""

    code = "job_refused"


def enqueue(kind: JobKind, *, delivery=None, requested_by=None, **arguments) -> Job:
    """Record a job and put it in the queue (in the caller's transaction, if any)."""
    with transaction.atomic():
        job = Job.objects.create(
            kind=kind,
            arguments=arguments,
            delivery=delivery,
            requested_by=requested_by if getattr(requested_by, "is_authenticated", False) else None,
            audit=_caller_details(),
            max_attempts=max(1, config("KOERS_JOB_ATTEMPTS")),
        )
        log.info("job %s queued: %s %s", job.pk, kind, arguments or "")
        submit(job)
    return job


def submit(job: Job, *, delay: float = 0) -> None:
    """Hand ``job`` to the queue, to run after ``delay`` seconds where the backend can wait."""
    from koers.jobs.tasks import run_job

    task = run_job
    if delay and task.get_backend().supports_defer:
        task = task.using(run_after=timezone.now() + timedelta(seconds=delay))
    result = task.enqueue(job.pk)
    job.task_id = str(result.id)
    Job.objects.filter(pk=job.pk).update(task_id=job.task_id)


def execute(job_id: int) -> None:
    """Run one attempt of a job; on failure queue a retry or mark it failed, then re-raise."""
    claimed = Job.objects.filter(pk=job_id, status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING,
        attempts=F("attempts") + 1,
        started_at=timezone.now(),
        worker=this_worker(),
    )
    if not claimed:  # done, failed, or running elsewhere: a duplicate queue entry
        log.info("job %s is not waiting; nothing to do", job_id)
        return
    job = Job.objects.select_related("requested_by").get(pk=job_id)
    log.info("job %s started: %s, attempt %s of %s", job.pk, job.kind, job.attempts,
             job.max_attempts)  # fmt: skip
    started = time.perf_counter()
    try:
        # A copied context: the audit actor set for this job never outlives it.
        result = contextvars.copy_context().run(_run, job) or {}
    except Exception as exc:
        _failed(job, exc, time.perf_counter() - started)
        raise
    seconds = time.perf_counter() - started
    Job.objects.filter(pk=job.pk).update(
        status=JobStatus.DONE, finished_at=timezone.now(), result=result, error="", worker=""
    )
    log.info("job %s done: %s in %.2f s", job.pk, job.kind, seconds)
    _observe(job.kind, seconds, ok=True)


def describe(exc: BaseException) -> str:
    """An error as one line a user can read: the message, or the kind of error."""
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return message[:500] or type(exc).__name__


def _caller_context() -> dict | None:
    """The audit context of the request or command this code runs in, while it is active."""
    context = auditlog_value.get(None)
    if not context:
        return None
    uid = context.get("signal_duid")
    return context if any(key[0] == uid for key, *_ in pre_save.receivers) else None


def _caller_details() -> dict:
    """How the job was asked for (token, command line …), kept for its audit entries."""
    details = (_caller_context() or {}).get("additional_data") or {}
    return {k: v for k, v in details.items() if isinstance(v, str | int | bool)}


def _run(job: Job) -> dict | None:
    """The job's handler; every audit entry it makes names who asked for it, and how.

    Run at once inside a request or a command, the caller's own audit context applies.
    """
    if _caller_context() is not None:
        return HANDLERS[job.kind](**job.arguments)
    details = {"kanaal": "taak", **job.audit, "taak": job.pk}
    with set_extra_data({"actor": job.requested_by, "additional_data": details}):
        return HANDLERS[job.kind](**job.arguments)


def _failed(job: Job, exc: Exception, seconds: float) -> None:
    _observe(job.kind, seconds, ok=False)
    if job.attempts < job.max_attempts and not isinstance(exc, JobRefused):
        wait = job.attempts * config("KOERS_JOB_RETRY_SECONDS")
        log.warning("job %s failed (attempt %s of %s), retry in %s s: %s", job.pk,
                    job.attempts, job.max_attempts, wait, describe(exc), exc_info=exc)  # fmt: skip
        Job.objects.filter(pk=job.pk).update(
            status=JobStatus.QUEUED, error=describe(exc), worker=""
        )
        submit(job, delay=wait)
        return
    log.error("job %s failed for good after %s attempts: %s", job.pk, job.attempts,
              describe(exc), exc_info=exc)  # fmt: skip
    Job.objects.filter(pk=job.pk).update(
        status=JobStatus.FAILED, finished_at=timezone.now(), error=describe(exc), worker=""
    )


def _observe(kind: str, seconds: float, *, ok: bool) -> None:
    """Job durations for /metrics, when the observability module is there."""
    try:
        from koers.observability.metrics import observe_job
    except ImportError:
        return
    try:
        observe_job(kind, seconds, ok)
    except Exception:  # noqa: BLE001 - metrics must never fail a job
        log.debug("could not record job metrics", exc_info=True)
