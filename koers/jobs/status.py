"""What a page shows of a job: the latest import job of a delivery."""

from __future__ import annotations

from koers.jobs.models import Job, JobKind


def latest_import_job(delivery) -> Job | None:
    """The newest job importing ``delivery`` (None for deliveries imported without one)."""
    return Job.objects.filter(kind=JobKind.IMPORT, delivery=delivery).order_by("-id").first()
