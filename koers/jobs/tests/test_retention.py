"""Finished jobs are kept KOERS_JOB_RETENTION_DAYS, then `koers doctor` and the worker's start
remove them with their queue entries, in the audit log; waiting and running jobs stay."""

from __future__ import annotations

from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from click.testing import CliRunner
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from koers.jobs.models import Job, JobKind, JobStatus
from koers.jobs.queue import enqueue

pytestmark = pytest.mark.django_db


def _job(status: str, days_ago: int | None) -> Job:
    """A queued refresh job, then moved to ``status``, finished ``days_ago`` days ago."""
    job = enqueue(JobKind.REFRESH, indicators=["wind_vermogen"])
    finished = timezone.now() - timedelta(days=days_ago) if days_ago is not None else None
    Job.objects.filter(pk=job.pk).update(status=status, finished_at=finished)
    entry_status = {JobStatus.DONE: "SUCCESSFUL", JobStatus.FAILED: "FAILED"}.get(status)
    if entry_status:
        DBTaskResult.objects.filter(id=job.task_id).update(
            status=entry_status, finished_at=finished
        )
    return job


@pytest.fixture
def jobs(database_jobs, monkeypatch):
    monkeypatch.setenv("KOERS_JOB_RETENTION_DAYS", "90")  # the default, whatever is set
    return {
        "old done": _job(JobStatus.DONE, 120),
        "old failed": _job(JobStatus.FAILED, 91),
        "recent done": _job(JobStatus.DONE, 89),
        "waiting": _job(JobStatus.QUEUED, None),
        "running": _job(JobStatus.RUNNING, None),
    }


def _left(jobs: dict[str, Job]) -> set[str]:
    ids = set(Job.objects.values_list("pk", flat=True))
    return {name for name, job in jobs.items() if job.pk in ids}


def test_doctor_removes_finished_jobs_past_the_retention_and_audits_it(jobs):
    from koers.cli import cli

    runner = CliRunner()
    check = runner.invoke(cli, ["doctor", "--check"])
    assert "found: 2 finished job(s) and 2 queue entries older than 90 days" in check.output
    assert check.exit_code == 0  # housekeeping, not a fault
    assert len(_left(jobs)) == 5  # --check changes nothing

    repair = runner.invoke(cli, ["doctor"])

    assert repair.exit_code == 0, repair.output
    assert "removed: 2 finished job(s) and 2 queue entries" in repair.output
    assert _left(jobs) == {"recent done", "waiting", "running"}
    queue = set(DBTaskResult.objects.values_list("id", flat=True))
    assert {str(i) for i in queue} == {jobs[n].task_id for n in ("recent done", "waiting",
                                                                 "running")}  # fmt: skip
    entry = LogEntry.objects.get(object_pk="retention")
    assert entry.changes["taken"][1] == " ".join(
        f"#{jobs[n].pk}" for n in ("old done", "old failed")
    )
    assert runner.invoke(cli, ["doctor"]).output.count("finished job") == 0  # nothing left


def test_a_worker_start_removes_them_too(jobs):
    from koers.jobs.worker import recover_at_start

    report = recover_at_start()
    assert any("removed: 2 finished job(s)" in line for line in report.lines())
    assert _left(jobs) == {"recent done", "waiting", "running"}


def test_the_retention_is_a_setting(jobs, monkeypatch):
    from koers.jobs.retention import clean_finished_jobs

    monkeypatch.setenv("KOERS_JOB_RETENTION_DAYS", "100")
    assert clean_finished_jobs().jobs == 1  # only the one finished 120 days ago
    assert _left(jobs) == {"old failed", "recent done", "waiting", "running"}
