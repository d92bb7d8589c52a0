"""What a page shows of a delivery's jobs: its import, and a withdrawal still to come."""

from __future__ import annotations

from koers.jobs.models import Job, JobKind, JobStatus


def latest_import_job(delivery) -> Job | None:
    """The newest job importing ``delivery`` (None for deliveries imported without one)."""
    return Job.objects.filter(kind=JobKind.IMPORT, delivery=delivery).order_by("-id").first()


def pending_withdrawal(delivery) -> Job | None:
    """A withdrawal of ``delivery`` that is queued or running, if any."""
    return (
        Job.objects.filter(
            kind=JobKind.WITHDRAW,
            delivery=delivery,
            status__in=[JobStatus.QUEUED, JobStatus.RUNNING],
        )
        .order_by("-id")
        .first()
    )
