"""`koers worker`: repair what a crash left, then run the queue (django-tasks-db's worker)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from koers.jobs.models import Job, JobKind, JobStatus
from koers.jobs.queue import this_worker

log = logging.getLogger("koers.jobs")


class JobsNotQueued(Exception):
    """KOERS_JOBS_BACKEND is not `database`: jobs run where they are queued, not here."""

    code = "jobs_not_queued"


@dataclass
class StartReport:
    """What the worker repaired before taking its first job."""

    imports: list[str] = field(default_factory=list)
    jobs: list[Job] = field(default_factory=list)
    requeued_imports: list[int] = field(default_factory=list)
    cleanup: list[str] = field(default_factory=list)  # finished jobs past their retention

    def lines(self) -> list[str]:
        out = list(self.imports)
        out += [
            f"job {job.pk} ({job.kind}) interrupted: {job.get_status_display()}"
            for job in self.jobs
        ]
        out += [f"delivery {pk} had no import job: queued" for pk in self.requeued_imports]
        return out + self.cleanup


def _recover_imports() -> list[str]:
    """Interrupted imports, orphan files and temp folders: the deliveries' own recovery."""
    from koers.deliveries.recovery import recover

    return recover().lines()


def queue_waiting_deliveries() -> list[int]:
    """Deliveries still `received` with no import job waiting (the web process died in
    between accepting the file and queuing its import): queue one now."""
    from koers.deliveries.models import Delivery, DeliveryStatus
    from koers.jobs.tasks import enqueue_import

    pending = Job.objects.filter(
        kind=JobKind.IMPORT, status__in=[JobStatus.QUEUED, JobStatus.RUNNING]
    ).values("delivery_id")
    orphans = Delivery.objects.filter(status=DeliveryStatus.RECEIVED, worker_pid=None).exclude(
        pk__in=pending
    )
    queued = []
    for delivery in orphans:
        enqueue_import(delivery)
        queued.append(delivery.pk)
    return queued


def recover_at_start() -> StartReport:
    from koers.jobs.recovery import recover_jobs
    from koers.jobs.retention import clean_finished_jobs

    return StartReport(
        imports=_recover_imports(),
        jobs=recover_jobs(),
        requeued_imports=queue_waiting_deliveries(),
        cleanup=clean_finished_jobs().lines(),
    )


def run_worker(
    *, batch: bool = False, interval: float = 1.0, echo: Callable[[str], None] = log.info
) -> None:
    """Recover, then take jobs until stopped (Ctrl-C finishes the job in hand first)."""
    from django_tasks import task_backends
    from django_tasks_db import DatabaseBackend
    from django_tasks_db.management.commands.db_worker import Worker

    if not isinstance(task_backends["default"], DatabaseBackend):
        raise JobsNotQueued(
            "KOERS_JOBS_BACKEND is not `database`: jobs already run where they are queued, "
            "so there is nothing for a worker to do"
        )
    for line in recover_at_start().lines():
        echo(line)
    worker = Worker(
        queue_names=["default"],
        interval=interval,
        batch=batch,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=this_worker()[-64:],
        excluded_queue_names=[],
    )
    echo(f"Koers worker {this_worker()} taking jobs (stop with Ctrl-C)")
    worker.configure_signals()
    worker.run()
