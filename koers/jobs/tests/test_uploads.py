"""Uploads are accepted fast and imported by a job; an oversized one is refused unsaved."""

from __future__ import annotations

import pytest

from koers.deliveries.models import Delivery, StoredFile
from koers.jobs.models import Job, JobKind, JobStatus

UPLOAD = "/werkruimte/aanleveren/uploaden"


def _big_csv(tmp_path, megabytes: float):
    path = tmp_path / "te-groot.csv"
    line = "PV25,2020,wind_vermogen,1234.5\n"
    path.write_text("gebied,periode,indicator,waarde\n" + line * int(megabytes * 1e6 / len(line)))
    return path


@pytest.fixture
def steward(register, make_user, client):
    user = make_user("province_steward", province="PV25", name="gld-steward")
    client.force_login(user)
    return user


@pytest.mark.django_db
def test_an_upload_over_the_limit_gets_a_form_error_and_nothing_is_kept(
    steward, client, tmp_path, monkeypatch
):
    monkeypatch.setenv("KOERS_MAX_UPLOAD_MB", "1")
    with open(_big_csv(tmp_path, 1.5), "rb") as upload:
        response = client.post(UPLOAD, {"province": "PV25", "file": upload})
    assert response.status_code == 413
    page = response.content.decode()
    assert "groter dan 1 MB" in page and 'aria-invalid="true"' in page
    assert not Delivery.objects.exists() and not StoredFile.objects.exists()
    assert not Job.objects.exists()


@pytest.mark.django_db
def test_an_api_upload_over_the_limit_is_a_413_problem(register, make_user, tmp_path, monkeypatch):
    from rest_framework.test import APIClient

    monkeypatch.setenv("KOERS_MAX_UPLOAD_MB", "1")
    client = APIClient()
    client.force_authenticate(make_user("province_steward", province="PV25", name="gld-api"))
    with open(_big_csv(tmp_path, 1.5), "rb") as upload:
        response = client.post(
            "/api/v1/aanleveringen", {"bestand": upload, "provincie": "PV25"}, format="multipart"
        )
    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/problem+json")
    body = response.json()
    assert body["code"] == "upload_too_large" and "groter dan 1 MB" in body["detail"]
    assert not Delivery.objects.exists() and not StoredFile.objects.exists()


@pytest.mark.django_db
def test_an_upload_under_the_limit_still_goes_through(steward, client, tmp_path, monkeypatch):
    monkeypatch.setenv("KOERS_MAX_UPLOAD_MB", "2")
    with open(_big_csv(tmp_path, 1.5), "rb") as upload:
        response = client.post(UPLOAD, {"province": "PV25", "file": upload})
    assert response.status_code in (302, 400), response.content[:500]
    assert "groter dan" not in response.content.decode()


@pytest.mark.django_db
def test_the_workspace_shows_wordt_verwerkt_while_the_import_waits_for_a_worker(
    catalogue, steward, client, province_wind, database_jobs
):
    from koers.jobs.tasks import run_job

    with open(province_wind("PV25"), "rb") as upload:
        response = client.post(
            UPLOAD,
            {"province": "PV25", "file": upload, "mapping": "cbs-70960ned"},
        )
    assert response.status_code == 302
    delivery = Delivery.objects.get()
    job = Job.objects.get(kind=JobKind.IMPORT, delivery=delivery)
    assert delivery.status == "received" and job.status == JobStatus.QUEUED

    page = client.get(response["Location"]).content.decode()
    assert "Wordt verwerkt." in page and "staat in de wachtrij" in page
    assert '<meta http-equiv="refresh" content="3">' in page
    assert "Geen fouten gevonden" not in page and "<script>" not in page

    run_job.call(job.pk)  # the worker takes the job

    page = client.get(response["Location"]).content.decode()
    assert "Wordt verwerkt." not in page and 'http-equiv="refresh"' not in page
    assert "Geen fouten gevonden." in page
    assert Delivery.objects.get().status == "validated"
