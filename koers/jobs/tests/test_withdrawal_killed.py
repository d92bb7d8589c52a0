"""A withdrawal job killed midway (SIGKILL inside its transaction, after the previous values
were copied back and before the withdrawn ones were retired): nothing of it is visible, the
published state is whole, and the next worker start carries the withdrawal out."""

from __future__ import annotations

import signal

import pytest
from django.db.models import Count

from koers.deliveries.models import Delivery, Observation
from koers.jobs.models import Job, JobKind, JobStatus
from koers.jobs.queue import enqueue
from koers.jobs.tests.conftest import publish

pytestmark = pytest.mark.django_db(transaction=True)

KEY = ["indicator_id", "area_id", "period", "breakdown", "value_kind"]


def live_2020() -> list[float]:
    """Gelderland's 2020 wind capacity as published (the live rows of that key)."""
    return list(
        Observation.objects.filter(
            delivery__status="published", superseded_at__isnull=True,
            indicator__code="wind_vermogen", area__code="PV25", period="2020", breakdown="_T",
        ).values_list("value", flat=True)
    )  # fmt: skip


def assert_published_state_whole(expected_live: int) -> None:
    """No stuck delivery; exactly one live published row per key, as many as expected."""
    assert not Delivery.objects.filter(status="received").exists()
    live = Observation.objects.filter(delivery__status="published", superseded_at__isnull=True)
    assert live.count() == expected_live
    doubled = live.values(*KEY).annotate(n=Count("id")).filter(n__gt=1)
    assert not doubled.exists(), list(doubled[:3])


def test_a_withdrawal_killed_midway_leaves_the_published_state_whole_and_is_redone(
    catalogue, province_wind, wind_mapping, database_jobs, koers_process
):
    from koers.deliveries.storing import receive

    first = publish(receive(province_wind("PV25", 1234.0), mapping_path=wind_mapping))
    correction = publish(receive(province_wind("PV25", 999.0), mapping_path=wind_mapping))
    assert live_2020() == [999.0]
    live = Observation.objects.filter(delivery__status="published", superseded_at__isnull=True)
    before = (live.count(), Observation.objects.count())
    Job.objects.all().delete()  # the refreshes the publications queued: not under test
    job = enqueue(JobKind.WITHDRAW, delivery=correction, delivery_id=correction.pk)

    killed = koers_process("worker", "--batch", env={"KOERS_FAULT_POINT": "during_withdrawal"})

    assert killed.returncode == -signal.SIGKILL, killed.stderr[-2000:]
    job.refresh_from_db()
    assert job.status == JobStatus.RUNNING and job.attempts == 1  # its worker died with it
    assert Delivery.objects.get(pk=correction.pk).status == "published"
    assert live_2020() == [999.0]  # the copies of the previous values rolled back
    assert (live.count(), Observation.objects.count()) == before
    assert_published_state_whole(before[0])

    again = koers_process("worker", "--batch")

    assert again.returncode == 0, again.stderr[-2000:]
    assert f"job {job.pk} (withdraw) interrupted" in again.stdout + again.stderr
    job.refresh_from_db()
    assert (job.status, job.attempts) == (JobStatus.DONE, 2)
    assert Delivery.objects.get(pk=correction.pk).status == "withdrawn"
    assert Delivery.objects.get(pk=first.pk).status == "published"
    assert live_2020() == [1234.0]
    assert_published_state_whole(before[0])
