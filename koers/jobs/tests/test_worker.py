"""`koers worker` as a real process on the real queue: upload → job → worker → report."""

from __future__ import annotations

import signal

import pytest
from django_tasks_db.models import DBTaskResult

from koers.deliveries.models import Delivery
from koers.jobs.models import Job, JobKind, JobStatus
from koers.jobs.tests.conftest import capacity_2020, publish

pytestmark = pytest.mark.django_db(transaction=True)


def _api_upload(client, path):
    with open(path, "rb") as upload:
        return client.post(
            "/api/v1/aanleveringen",
            {"bestand": upload, "provincie": "PV25", "mapping": "cbs-70960ned"},
            format="multipart",
        )


@pytest.fixture
def steward_api(catalogue, make_user):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(make_user("province_steward", province="PV25", name="gld"))
    return client


def test_an_api_upload_is_accepted_at_once_and_the_worker_writes_the_report(
    steward_api, province_wind, database_jobs, koers_process
):
    response = _api_upload(steward_api, province_wind("PV25"))

    assert response.status_code == 202, response.content[:300]
    body = response.json()
    assert body["status"] == "received" and response["Location"] == body["_links"]["self"]["href"]
    assert steward_api.get(response["Location"]).json()["status"] == "received"

    worker = koers_process("worker", "--batch")

    assert worker.returncode == 0, worker.stderr[-2000:]
    after = steward_api.get(response["Location"]).json()
    assert after["status"] == "validated" and after["waarnemingenNieuw"] > 0
    job = Job.objects.get(kind=JobKind.IMPORT)
    assert job.status == JobStatus.DONE and job.attempts == 1
    assert not DBTaskResult.objects.exclude(status="SUCCESSFUL").exists()


def test_a_publication_is_refreshed_by_the_worker_and_the_open_data_rebuilt(
    catalogue, province_wind, wind_mapping, database_jobs, koers_process
):
    from koers.deliveries.storing import receive
    from koers.jobs.tasks import open_data_builder

    publish(receive(province_wind("PV25", 1234.0), mapping_path=wind_mapping))
    assert Job.objects.get(kind=JobKind.REFRESH).status == JobStatus.QUEUED
    assert capacity_2020() is None

    worker = koers_process("worker", "--batch")

    assert worker.returncode == 0, worker.stderr[-2000:]
    assert capacity_2020() == 1234.0
    kinds = dict(Job.objects.values_list("kind", "status"))
    assert kinds[JobKind.REFRESH] == JobStatus.DONE
    if open_data_builder() is not None:
        assert kinds[JobKind.OPEN_DATA] == JobStatus.DONE


def test_a_worker_killed_during_an_import_leaves_nothing_running_after_a_restart(
    steward_api, province_wind, database_jobs, koers_process
):
    response = _api_upload(steward_api, province_wind("PV25"))
    delivery = Delivery.objects.get(pk=response.json()["id"])

    killed = koers_process("worker", "--batch", env={"KOERS_FAULT_POINT": "before_finish_commit"})

    assert killed.returncode == -signal.SIGKILL, killed.stderr[-2000:]
    job = Job.objects.get(kind=JobKind.IMPORT)
    assert job.status == JobStatus.RUNNING  # what django-tasks-db alone would keep forever
    assert DBTaskResult.objects.filter(status="RUNNING").count() == 1

    restarted = koers_process("worker", "--batch")

    assert restarted.returncode == 0, restarted.stderr[-2000:]
    assert f"job {job.pk} (import) interrupted" in restarted.stdout
    job.refresh_from_db()
    assert job.status in (JobStatus.DONE, JobStatus.FAILED) and job.attempts == 2
    assert not Job.objects.filter(status=JobStatus.RUNNING).exists()
    assert not DBTaskResult.objects.filter(status__in=["RUNNING", "READY"]).exists()
    delivery.refresh_from_db()
    assert delivery.status in ("failed", "validated")  # never stuck in `received`
    report = steward_api.get(response["Location"]).json()
    assert report["status"] == delivery.status


def test_the_worker_refuses_to_start_when_jobs_run_immediately(koers_process):
    result = koers_process("worker", "--batch", env={"KOERS_JOBS_BACKEND": "immediate"})
    assert result.returncode == 1
    assert "KOERS_JOBS_BACKEND is not `database`" in result.stderr
    assert "Traceback" not in result.stderr
