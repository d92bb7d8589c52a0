"""Four eyes: the uploader of a delivery never approves or publishes it alone."""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from koers.deliveries import four_eyes
from koers.deliveries.models import Delivery, StoredFile
from koers.deliveries.workflow import transition


@pytest.fixture
def people(catalogue, make_user):
    return {
        "steward": make_user("province_steward", province="PV25", name="gld-1"),
        "colleague": make_user("province_steward", province="PV25", name="gld-2"),
        "analyst": make_user("analyst", name="bij12-1"),
        "second analyst": make_user("analyst", name="bij12-2"),
        "office": make_user("programme_office", name="ipo"),
    }


@pytest.fixture
def delivery_by(people):
    """``delivery_by(name, status)``: a Gelderland delivery uploaded by that person."""
    from koers.areas.models import Area

    def make(name: str, status: str = "submitted", province: str | None = "PV25") -> Delivery:
        file = StoredFile.objects.create(sha256=f"{name:0<64}"[:64], name="gld.csv", size=1)
        area = Area.objects.get(code=province) if province else None
        return Delivery.objects.create(
            file=file, province=area, channel="web", status=status, submitted_by=people[name]
        )

    return make


def test_a_steward_cannot_approve_their_own_upload_but_a_colleague_can(people, delivery_by):
    delivery = delivery_by("steward")
    with pytest.raises(four_eyes.FourEyesError):
        transition(delivery, "approved", user=people["steward"])
    delivery.refresh_from_db()
    assert delivery.status == "submitted"
    assert transition(delivery, "approved", user=people["colleague"]).status == "approved"


def test_an_analyst_neither_approves_nor_publishes_their_own_upload(people, delivery_by):
    delivery = delivery_by("analyst", province=None)
    with pytest.raises(four_eyes.FourEyesError):
        transition(delivery, "approved", user=people["analyst"])
    transition(delivery, "approved", user=people["second analyst"])
    with pytest.raises(four_eyes.FourEyesError):
        transition(delivery, "published", user=people["analyst"])
    assert transition(delivery, "published", user=people["office"]).status == "published"


def test_submitting_and_withdrawing_stay_with_the_uploader(people, delivery_by):
    delivery = delivery_by("steward", status="validated")
    transition(delivery, "submitted", user=people["steward"])
    assert transition(delivery, "withdrawn", user=people["steward"]).status == "withdrawn"


def test_the_setting_turns_four_eyes_off(people, delivery_by, monkeypatch):
    monkeypatch.setenv("KOERS_FOUR_EYES", "false")
    delivery = delivery_by("steward")
    assert transition(delivery, "approved", user=people["steward"]).status == "approved"


def test_only_the_programme_office_grants_an_exception_and_only_with_a_reason(people, delivery_by):
    delivery = delivery_by("steward")
    with pytest.raises(four_eyes.ExceptionRefused):
        four_eyes.grant_exception(delivery, user=people["colleague"], reason="alleen ik")
    with pytest.raises(four_eyes.ExceptionRefused):
        four_eyes.grant_exception(delivery, user=people["office"], reason="   ")
    assert four_eyes.granted_exception(delivery) is None


def test_an_exception_is_audited_and_named_in_the_step_it_allows(people, delivery_by):
    delivery = delivery_by("steward")
    four_eyes.grant_exception(delivery, user=people["office"], reason="tweede steward ziek")
    entry = LogEntry.objects.get_for_object(delivery).get(
        additional_data__four_eyes_exception="tweede steward ziek"
    )
    assert entry.actor == people["office"]
    transition(delivery, "approved", user=people["steward"], note="graag")
    step = delivery.transitions.get(to_status="approved")
    assert step.by == people["steward"]
    assert step.note == "graag\nvier-ogen-uitzondering door ipo: tweede steward ziek"


def test_the_api_refuses_self_approval_as_problem_json(client, people, delivery_by):
    delivery = delivery_by("steward")
    client.force_login(people["steward"])
    answer = client.post(
        f"/api/v1/aanleveringen/{delivery.pk}/status",
        {"status": "approved"},
        content_type="application/json",
    )
    assert answer.status_code == 403
    assert answer["Content-Type"] == "application/problem+json"
    assert "vier ogen" in answer.json()["detail"]


def test_the_office_grants_an_exception_in_the_workspace(client, people, delivery_by):
    delivery = delivery_by("steward")
    client.force_login(people["office"])
    page = client.get(reverse("workspace:delivery", args=[delivery.pk])).content.decode()
    assert "Uitzondering op vier ogen" in page
    client.post(reverse("workspace:four-eyes", args=[delivery.pk]), {"reason": "één steward"})
    assert four_eyes.granted_exception(delivery).additional_data == {
        "four_eyes_exception": "één steward"
    }
    client.force_login(people["steward"])
    page = client.get(reverse("workspace:delivery", args=[delivery.pk])).content.decode()
    assert 'value="approved"' in page and "één steward" in page


def test_a_steward_cannot_grant_an_exception_in_the_workspace(client, people, delivery_by):
    delivery = delivery_by("steward")
    client.force_login(people["colleague"])
    answer = client.post(reverse("workspace:four-eyes", args=[delivery.pk]), {"reason": "x"})
    assert answer.status_code == 403
    assert four_eyes.granted_exception(delivery) is None
