"""Finished jobs are kept for KOERS_JOB_RETENTION_DAYS, then removed with their queue entry.

Run by `koers doctor` and at every worker start. A job still queued or running is never
touched, however old; each run that removes something writes one audit-log entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from koers.config import config
from koers.jobs.models import Job, JobStatus

FINISHED = (JobStatus.DONE, JobStatus.FAILED)


@dataclass(frozen=True)
class Cleanup:
    """Finished jobs (and queue entries) older than the retention: removed, or only found."""

    repaired: bool
    jobs: int
    queue_entries: int
    days: int

    @property
    def clean(self) -> bool:
        return not (self.jobs or self.queue_entries)

    def lines(self) -> list[str]:
        if self.clean:
            return []
        verb = "removed" if self.repaired else "found"
        return [
            f"{verb}: {self.jobs} finished job(s) and {self.queue_entries} queue entries "
            f"older than {self.days} days (KOERS_JOB_RETENTION_DAYS)"
        ]

    def to_dict(self) -> dict:
        return {"repaired": self.repaired, "jobs": self.jobs, "queue_entries": self.queue_entries,
                "days": self.days}  # fmt: skip


def clean_finished_jobs(*, repair: bool = True, now: datetime | None = None) -> Cleanup:
    """Remove (unless ``repair=False``) finished jobs older than the retention."""
    from django_tasks_db.models import DBTaskResult

    days = config("KOERS_JOB_RETENTION_DAYS")
    cutoff = (now or timezone.now()) - timedelta(days=days)
    jobs = Job.objects.filter(status__in=FINISHED, finished_at__lt=cutoff)
    entries = DBTaskResult.objects.finished().filter(finished_at__lt=cutoff)
    found = Cleanup(repaired=repair, jobs=jobs.count(), queue_entries=entries.count(), days=days)
    if not repair or found.clean:
        return found
    with transaction.atomic():
        ids = sorted(jobs.values_list("pk", flat=True))
        removed_jobs = Job.objects.filter(pk__in=ids).delete()[1].get(Job._meta.label, 0)
        removed_entries = entries.delete()[1].get(DBTaskResult._meta.label, 0)
        # The ids go in `changes`: a command's audit context replaces `additional_data`.
        LogEntry.objects.create(
            content_type=ContentType.objects.get_for_model(Job),
            object_pk="retention",
            object_repr="koers doctor: afgeronde taken opgeruimd",
            action=LogEntry.Action.DELETE,
            changes={
                "taken": [
                    f"{removed_jobs} taken en {removed_entries} wachtrij-items ouder dan "
                    f"{days} dagen",
                    " ".join(f"#{pk}" for pk in ids),
                ]
            },
        )
    return Cleanup(repaired=True, jobs=removed_jobs, queue_entries=removed_entries, days=days)
