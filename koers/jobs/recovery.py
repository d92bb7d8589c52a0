"""Jobs left "running" by a worker that died: queue them again, or fail them for good.

django-tasks-db has no lease: a worker killed mid-task leaves its queue entry RUNNING
forever. Each Job records the host:pid running it, so a starting worker can tell.
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from datetime import timedelta

from django.utils import timezone

from koers.config import config
from koers.jobs.models import Job, JobStatus
from koers.jobs.queue import submit

log = logging.getLogger("koers.jobs")

INTERRUPTED = "De taak werd onderbroken: de worker stopte."


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, but someone else's
        return True
    return True


def worker_gone(job: Job, *, now=None) -> bool:
    """True when the process that claimed ``job`` no longer runs it."""
    host, _, pid = job.worker.rpartition(":")
    if host == socket.gethostname() and pid.isdigit():
        return int(pid) != os.getpid() and not _pid_alive(int(pid))
    limit = timedelta(minutes=config("KOERS_JOB_TIMEOUT_MINUTES"))
    return job.started_at is None or job.started_at < (now or timezone.now()) - limit


def _queue_id(job: Job) -> uuid.UUID | None:
    """The job's database queue entry; None when it was queued elsewhere (run at once)."""
    try:
        return uuid.UUID(job.task_id)
    except ValueError:
        return None


def recover_jobs() -> list[Job]:
    """Requeue (or fail, when out of attempts) every running job whose worker is gone."""
    from django_tasks_db.models import DBTaskResult

    recovered = []
    for job in Job.objects.filter(status=JobStatus.RUNNING):
        if not worker_gone(job):
            continue
        # The queue entry would otherwise stay RUNNING forever.
        DBTaskResult.objects.filter(id=_queue_id(job), status="RUNNING").update(
            status="FAILED", finished_at=timezone.now(), traceback=INTERRUPTED,
            exception_class_path="koers.jobs.recovery.WorkerGone",
        )  # fmt: skip
        if job.attempts < job.max_attempts:
            Job.objects.filter(pk=job.pk).update(
                status=JobStatus.QUEUED, error=INTERRUPTED, worker=""
            )
            submit(job)
            log.warning("job %s was running on %s, which stopped: queued again", job.pk,
                        job.worker)  # fmt: skip
        else:
            Job.objects.filter(pk=job.pk).update(
                status=JobStatus.FAILED, error=INTERRUPTED, worker="",
                finished_at=timezone.now(),
            )  # fmt: skip
            log.error("job %s was running on %s, which stopped: out of attempts", job.pk,
                      job.worker)  # fmt: skip
        job.refresh_from_db()
        recovered.append(job)
    return recovered
