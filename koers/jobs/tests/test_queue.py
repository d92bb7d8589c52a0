"""A job is retried a bounded number of times, fails readably, and runs at most once."""

from __future__ import annotations

import logging
import socket
import subprocess

import pytest

from koers.jobs.models import Job, JobKind, JobStatus
from koers.jobs.queue import HANDLERS, enqueue


@pytest.fixture
def flaky(monkeypatch):
    """Make the open-data build fail its first ``failures`` attempts (None: always)."""

    import koers.jobs.tasks  # noqa: F401 - registers the real handlers first

    def install(failures: int | None):
        calls = []

        def build() -> dict:
            calls.append(1)
            if failures is None or len(calls) <= failures:
                raise ValueError(f"schijf vol bij poging {len(calls)}")
            return {"built": True}

        monkeypatch.setitem(HANDLERS, JobKind.OPEN_DATA, build)
        return calls

    return install


@pytest.mark.django_db
def test_a_failing_job_is_retried_until_it_succeeds(flaky):
    calls = flaky(2)
    job = enqueue(JobKind.OPEN_DATA)
    job.refresh_from_db()
    assert len(calls) == 3
    assert (job.status, job.attempts, job.error) == (JobStatus.DONE, 3, "")
    assert job.result == {"built": True}


@pytest.mark.django_db
def test_a_job_that_keeps_failing_ends_failed_with_a_readable_error_in_the_log(
    flaky, monkeypatch, caplog
):
    monkeypatch.setenv("KOERS_JOB_ATTEMPTS", "2")
    calls = flaky(None)
    with caplog.at_level(logging.INFO, logger="koers.jobs"):
        job = enqueue(JobKind.OPEN_DATA)
    job.refresh_from_db()
    assert len(calls) == 2
    assert job.status == JobStatus.FAILED and job.attempts == 2
    assert job.error == "schijf vol bij poging 2"
    assert job.finished_at is not None
    messages = [r.getMessage() for r in caplog.records if r.name == "koers.jobs"]
    assert any("failed (attempt 1 of 2), retry" in m for m in messages), messages
    assert any(f"job {job.pk} failed for good after 2 attempts" in m for m in messages)


@pytest.mark.django_db
def test_a_second_queue_entry_of_a_finished_job_does_not_run_it_again(flaky):
    from koers.jobs.tasks import run_job

    calls = flaky(0)
    job = enqueue(JobKind.OPEN_DATA)
    run_job.call(job.pk)
    job.refresh_from_db()
    assert len(calls) == 1 and job.attempts == 1 and job.status == JobStatus.DONE


@pytest.mark.django_db
def test_a_retry_waits_in_the_database_queue(database_jobs, flaky, monkeypatch):
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from koers.jobs.tasks import run_job

    monkeypatch.setenv("KOERS_JOB_RETRY_SECONDS", "60")
    flaky(None)
    job = enqueue(JobKind.OPEN_DATA)
    first = job.task_id
    assert DBTaskResult.objects.get(id=first).status == "READY"
    with pytest.raises(ValueError):
        run_job.call(job.pk)  # what the worker does with the queue entry
    job.refresh_from_db()
    assert job.status == JobStatus.QUEUED and job.attempts == 1
    assert job.error == "schijf vol bij poging 1"
    retry = DBTaskResult.objects.get(id=job.task_id)
    assert retry.status == "READY" and retry.run_after > timezone.now()


def _dead_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


@pytest.mark.django_db
@pytest.mark.parametrize(("attempts", "expected"), [(1, JobStatus.QUEUED), (3, JobStatus.FAILED)])
def test_a_job_left_running_by_a_dead_worker_is_queued_again_or_failed(
    database_jobs, attempts, expected
):
    from django_tasks_db.models import DBTaskResult

    from koers.jobs.recovery import INTERRUPTED, recover_jobs

    job = enqueue(JobKind.OPEN_DATA)
    stuck = job.task_id
    DBTaskResult.objects.filter(id=stuck).update(status="RUNNING")  # claimed, then killed
    Job.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING, attempts=attempts, worker=f"{socket.gethostname()}:{_dead_pid()}"
    )

    assert [j.pk for j in recover_jobs()] == [job.pk]

    job.refresh_from_db()
    assert job.status == expected and job.error == INTERRUPTED and job.worker == ""
    assert DBTaskResult.objects.get(id=stuck).status == "FAILED"
    assert not DBTaskResult.objects.filter(status="RUNNING").exists()
    waiting = DBTaskResult.objects.filter(status="READY").count()
    assert waiting == (1 if expected == JobStatus.QUEUED else 0)


@pytest.mark.django_db
def test_a_job_running_in_a_live_worker_is_left_alone(database_jobs):
    import os

    from koers.jobs.recovery import recover_jobs

    job = enqueue(JobKind.OPEN_DATA)
    Job.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING, attempts=1, worker=f"{socket.gethostname()}:{os.getppid()}"
    )
    assert recover_jobs() == []
    assert Job.objects.get(pk=job.pk).status == JobStatus.RUNNING


@pytest.mark.django_db
def test_a_received_delivery_without_an_import_job_gets_one_when_a_worker_starts(
    catalogue, province_wind, wind_mapping, database_jobs
):
    from koers.deliveries.storing import accept
    from koers.jobs.worker import queue_waiting_deliveries

    # The web process kept the file, then died before it queued the import.
    delivery = accept(province_wind("PV25"), mapping_path=wind_mapping, channel="api")

    assert queue_waiting_deliveries() == [delivery.pk]
    job = Job.objects.get(kind=JobKind.IMPORT)
    assert job.delivery_id == delivery.pk and job.status == JobStatus.QUEUED
    assert queue_waiting_deliveries() == []  # its job is waiting now: nothing more to do


@pytest.mark.django_db
def test_a_job_cut_off_while_running_at_once_is_recovered_by_a_worker(database_jobs):
    from koers.jobs.recovery import recover_jobs

    # Queued with KOERS_JOBS_BACKEND=immediate (no database queue entry), then killed.
    job = Job.objects.create(
        kind=JobKind.OPEN_DATA, status=JobStatus.RUNNING, attempts=1, task_id="Xq3vT9",
        worker=f"{socket.gethostname()}:{_dead_pid()}",
    )  # fmt: skip
    assert [j.pk for j in recover_jobs()] == [job.pk]
    assert Job.objects.get(pk=job.pk).status == JobStatus.QUEUED


@pytest.mark.django_db
def test_a_refused_job_fails_at_once_without_retries(monkeypatch):
    import koers.jobs.tasks  # noqa: F401 - registers the real handlers first
    from koers.jobs.queue import JobRefused

    def refuse() -> dict:
        raise JobRefused("delivery 7 is rejected; it cannot be withdrawn")

    monkeypatch.setitem(HANDLERS, JobKind.OPEN_DATA, refuse)
    job = enqueue(JobKind.OPEN_DATA)
    job.refresh_from_db()
    assert (job.status, job.attempts) == (JobStatus.FAILED, 1)
    assert job.error == "delivery 7 is rejected; it cannot be withdrawn"
