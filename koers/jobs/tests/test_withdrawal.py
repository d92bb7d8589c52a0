"""A withdrawal is a job: checked in the request, carried out by the worker, audited."""

from __future__ import annotations

import pytest

from koers.jobs.models import Job, JobKind, JobStatus
from koers.jobs.tests.conftest import publish


@pytest.fixture
def published(catalogue, province_wind, wind_mapping):
    from koers.deliveries.storing import receive

    return publish(receive(province_wind("PV25", 1234.0), mapping_path=wind_mapping))


@pytest.fixture
def analyst_api(make_user):
    from rest_framework.test import APIClient

    client = APIClient()
    client.user = make_user("analyst", name="bij12-analist")
    client.force_login(client.user)
    return client


@pytest.mark.django_db
def test_an_api_withdrawal_is_queued_and_the_worker_carries_it_out_in_the_users_name(
    published, analyst_api, database_jobs
):
    from auditlog.models import LogEntry

    from koers.deliveries.models import Delivery, Transition
    from koers.jobs.tasks import run_job

    url = f"/api/v1/aanleveringen/{published.pk}/status"
    response = analyst_api.post(url, {"status": "withdrawn", "toelichting": "fout"}, format="json")

    assert response.status_code == 202, response.content[:300]
    assert response.json()["status"] == "published"  # not yet: the worker does it
    job = Job.objects.get(kind=JobKind.WITHDRAW)
    assert job.status == JobStatus.QUEUED and job.requested_by == analyst_api.user

    run_job.call(job.pk)

    assert Delivery.objects.get(pk=published.pk).status == "withdrawn"
    step = Transition.objects.filter(delivery=published, to_status="withdrawn").get()
    assert step.by == analyst_api.user and step.note == "fout"
    entry = LogEntry.objects.filter(object_pk=str(published.pk)).latest("id")
    assert entry.actor == analyst_api.user
    assert entry.additional_data == {"kanaal": "taak", "taak": job.pk}
    assert analyst_api.get(f"/api/v1/aanleveringen/{published.pk}").json()["status"] == (
        "withdrawn"
    )


@pytest.mark.django_db
def test_a_withdrawal_the_user_may_not_make_is_refused_in_the_request(
    published, make_user, database_jobs
):
    from rest_framework.test import APIClient

    reader = APIClient()
    reader.force_login(make_user("reader", name="lezer"))
    url = f"/api/v1/aanleveringen/{published.pk}/status"

    assert reader.post(url, {"status": "withdrawn"}, format="json").status_code == 403
    assert not Job.objects.filter(kind=JobKind.WITHDRAW).exists()


@pytest.mark.django_db
def test_the_workspace_shows_wordt_ingetrokken_until_the_worker_is_done(
    published, analyst_api, client, database_jobs
):
    from koers.jobs.tasks import run_job

    client.force_login(analyst_api.user)
    page_url = f"/werkruimte/aanleveringen/{published.pk}"
    response = client.post(f"{page_url}/status", {"to": "withdrawn"}, follow=True)

    page = response.content.decode()
    assert "wordt ingetrokken" in page and "Wordt ingetrokken." in page
    assert '<meta http-equiv="refresh" content="3">' in page

    run_job.call(Job.objects.get(kind=JobKind.WITHDRAW).pk)

    page = client.get(page_url).content.decode()
    assert "Wordt ingetrokken." not in page and 'http-equiv="refresh"' not in page


@pytest.mark.django_db
def test_a_withdrawal_already_done_is_not_done_twice(published, analyst_api, database_jobs):
    from koers.deliveries.models import Transition
    from koers.deliveries.workflow import transition
    from koers.jobs.tasks import request_withdrawal, run_job

    request_withdrawal(published, user=analyst_api.user)
    transition(published, "withdrawn", user=None)  # meanwhile, by the command line
    job = Job.objects.get(kind=JobKind.WITHDRAW)

    run_job.call(job.pk)

    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.result["status"] == "withdrawn"
    assert Transition.objects.filter(delivery=published, to_status="withdrawn").count() == 1
