"""The health checks behind ``/gezondheid``: database, store and job queue.

Each check is a small function returning a :class:`Check`; a check that raises is a
failed check whose detail names the error class only, so no secret (a database URL, a
path with a user name) ever reaches an anonymous caller.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime

from django.apps import apps
from django.db import connection
from django.utils import timezone

from koers.config import config, data_dir


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    oldest_waiting_job_seconds: float | None = None

    def as_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v is not None}


def database() -> Check:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return Check("database", True, connection.vendor)


def store() -> Check:
    folder = data_dir()
    # Writable: the folder that receives uploads and snapshots takes a new file.
    with tempfile.NamedTemporaryFile(dir=folder, prefix=".health-"):
        pass
    analytics = folder / "analytics"
    if analytics.exists() and not os.access(analytics, os.R_OK | os.X_OK):
        return Check("store", False, "analytics folder not readable")
    return Check("store", True, "data folder writable, analytics readable")


def job_queue() -> Check:
    if not apps.is_installed("django_tasks_db"):
        return Check("jobs", True, "not configured")
    from django_tasks_db.models import DBTaskResult

    oldest: datetime | None = (
        DBTaskResult.objects.ready().order_by("enqueued_at").values_list("enqueued_at", flat=True)
    ).first()
    age = (timezone.now() - oldest).total_seconds() if oldest else 0.0
    limit = config("KOERS_HEALTH_JOB_AGE_LIMIT")
    if age > limit:
        return Check("jobs", False, f"oldest waiting job older than {limit} s", round(age, 1))
    return Check("jobs", True, "reachable", round(age, 1))


CHECKS: dict[str, Callable[[], Check]] = {"database": database, "store": store, "jobs": job_queue}


def run_checks() -> list[Check]:
    """Run every check; an exception fails its check and never the others."""
    results = []
    for name, check in CHECKS.items():
        try:
            results.append(check())
        except Exception as exc:  # noqa: BLE001 - a failing dependency is the answer, not a 500
            results.append(Check(name, False, _name(exc)))
    return results


def _name(exc: Exception) -> str:
    return f"{type(exc).__module__.split('.')[0]}.{type(exc).__name__}"
