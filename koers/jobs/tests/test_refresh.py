"""Refreshes run as jobs after publication, in order per indicator, and fail visibly stale."""

from __future__ import annotations

import shutil

import pytest

from koers.jobs.models import IndicatorFreshness, Job, JobKind, JobStatus
from koers.jobs.tests.conftest import capacity_2020, publish


def _import(path, mapping):
    from koers.deliveries.storing import receive

    return receive(path, mapping_path=mapping)


@pytest.mark.django_db
def test_publication_queues_the_refresh_after_commit_and_a_worker_runs_it(
    catalogue, province_wind, wind_mapping, database_jobs, django_capture_on_commit_callbacks
):
    from koers.jobs.tasks import run_job

    delivery = _import(province_wind("PV25", 1111.0), wind_mapping)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publish(delivery)
    assert not Job.objects.exists()  # nothing queued before the publication commits
    for callback in callbacks:
        callback()
    job = Job.objects.get(kind=JobKind.REFRESH)
    assert job.status == JobStatus.QUEUED and "wind_vermogen" in job.arguments["indicators"]
    assert capacity_2020() is None  # the publisher's request did not refresh anything

    run_job.call(job.pk)  # what `koers worker` does with the queue entry

    job.refresh_from_db()
    assert job.status == JobStatus.DONE and "wind_vermogen" in job.result["indicators"]
    assert capacity_2020() == 1111.0


@pytest.mark.django_db
def test_an_older_refresh_that_finishes_last_does_not_overwrite_newer_figures(
    catalogue, province_wind, wind_mapping, django_capture_on_commit_callbacks
):
    from koers.analytics.store import refresh_indicators

    with django_capture_on_commit_callbacks(execute=True):
        publish(_import(province_wind("PV25"), wind_mapping))
    assert capacity_2020("PV26") is None
    utrecht = _import(province_wind("PV26", 3333.0), wind_mapping)

    def publish_utrecht_meanwhile(step: str, done: int, total: int) -> None:
        if utrecht.status != "published":
            # The older refresh has read its data; a newer one starts and finishes first.
            with django_capture_on_commit_callbacks(execute=True):
                utrecht.status = publish(utrecht).status
            assert capacity_2020("PV26") == 3333.0

    older = refresh_indicators(["wind_vermogen"], progress=publish_utrecht_meanwhile)

    assert "wind_vermogen" in older.indicators and utrecht.status == "published"
    assert capacity_2020("PV26") == 3333.0  # the older refresh had no Utrecht figures
    freshness = IndicatorFreshness.objects.get(indicator="wind_vermogen")
    assert freshness.written == freshness.ticket  # the newest ticket's figures are stored


@pytest.mark.django_db
def test_a_failed_refresh_marks_the_figures_stale_and_never_reaches_the_publisher(
    catalogue, province_wind, wind_mapping, client, django_capture_on_commit_callbacks
):
    from koers.analytics.store import analytics_store

    with django_capture_on_commit_callbacks(execute=True):
        publish(_import(province_wind("PV25", 1111.0), wind_mapping))
    page = client.get("/indicator/wind_vermogen").content.decode()
    assert "Verouderd" not in page

    store = analytics_store().root
    moved = store.with_name("analytics-elders")
    shutil.move(store, moved)
    store.write_text("geen map")  # every refresh now fails on a real OSError
    utrecht = _import(province_wind("PV26", 3333.0), wind_mapping)
    with django_capture_on_commit_callbacks(execute=True):
        publish(utrecht)  # does not raise

    job = Job.objects.filter(kind=JobKind.REFRESH).latest("id")
    assert job.status == JobStatus.FAILED and job.attempts == job.max_attempts == 3
    assert job.error  # a readable reason, kept for the admin
    freshness = IndicatorFreshness.objects.get(indicator="wind_vermogen")
    assert freshness.failed_at is not None and freshness.error
    store.unlink()
    shutil.move(moved, store)
    assert capacity_2020() == 1111.0 and capacity_2020("PV26") is None  # the old figures
    page = client.get("/indicator/wind_vermogen").content.decode()
    assert "Verouderd." in page and 'id="verouderd"' in page

    from koers.jobs.tasks import enqueue_refresh

    enqueue_refresh(["wind_vermogen"])  # the retry an operator (or the next publication) runs

    assert capacity_2020("PV26") == 3333.0
    assert IndicatorFreshness.objects.get(indicator="wind_vermogen").failed_at is None
    assert "Verouderd" not in client.get("/indicator/wind_vermogen").content.decode()
