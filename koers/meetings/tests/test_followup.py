"""Each province follows up a meeting in four steps; a province updates only its own."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from koers.areas.models import Area
from koers.meetings import followup
from koers.meetings.models import OpvolgingStap, Stap

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


def province(code: str) -> Area:
    return Area.objects.get(code=code)


def test_a_steward_records_the_steps_of_their_own_province(held_meeting, steward_gld):
    followup.record_step(
        steward_gld, held_meeting, province("PV25"), 1, datum=TODAY, bewijs="GS-besluit 2026-114"
    )
    step = OpvolgingStap.objects.get()
    assert (step.provincie.code, step.stap, step.bijgewerkt_door) == (
        "PV25",
        Stap.COLLEGE_VOORAF,
        steward_gld,
    )


def test_a_steward_cannot_update_another_provinces_follow_up(held_meeting, steward_utr):
    with pytest.raises(PermissionDenied):
        followup.record_step(
            steward_utr, held_meeting, province("PV25"), 1, datum=TODAY, bewijs="x"
        )
    assert not OpvolgingStap.objects.exists()


def test_the_programme_office_may_record_any_province(held_meeting, office):
    followup.record_step(
        office, held_meeting, province("PV25"), 4, datum=TODAY, bewijs="Statenbrief 12"
    )
    followup.record_step(
        office, held_meeting, province("PV26"), 4, datum=TODAY, bewijs="Statenbrief 7"
    )
    assert OpvolgingStap.objects.count() == 2


def test_the_page_refuses_a_post_for_another_province_with_403(client, held_meeting, steward_utr):
    client.force_login(steward_utr)
    form = {"PV25-datum_1": TODAY.isoformat(), "PV25-bewijs_1": "vals"}
    response = client.post(f"/overleg/vergaderingen/{held_meeting.pk}/opvolging/PV25", form)
    assert response.status_code == 403
    assert not OpvolgingStap.objects.exists()


def test_the_page_records_a_stewards_own_steps(client, held_meeting, steward_utr):
    client.force_login(steward_utr)
    page = client.get(f"/overleg/vergaderingen/{held_meeting.pk}").content.decode()
    assert f'action="/overleg/vergaderingen/{held_meeting.pk}/opvolging/PV26"' in page
    assert "/opvolging/PV25" not in page
    form = {
        "PV26-datum_1": TODAY.isoformat(),
        "PV26-bewijs_1": "GS-besluit 88",
        "PV26-datum_2": TODAY.isoformat(),
        "PV26-bewijs_2": "",
    }
    response = client.post(
        f"/overleg/vergaderingen/{held_meeting.pk}/opvolging/PV26", form, follow=True
    )
    assert "zowel de datum als het bewijs" in response.content.decode()
    assert not OpvolgingStap.objects.exists()  # all or nothing: the form had an error
    form["PV26-bewijs_2"] = "https://utrecht.nl/statenbrief/3"
    client.post(f"/overleg/vergaderingen/{held_meeting.pk}/opvolging/PV26", form)
    assert sorted(OpvolgingStap.objects.values_list("stap", flat=True)) == [1, 2]


def test_a_date_in_the_future_or_without_evidence_is_refused(held_meeting, steward_gld):
    with pytest.raises(followup.FollowUpRefused, match="toekomst"):
        followup.record_step(
            steward_gld,
            held_meeting,
            province("PV25"),
            1,
            datum=TODAY + datetime.timedelta(days=1),
            bewijs="x",
        )
    with pytest.raises(followup.FollowUpRefused, match="bewijs"):
        followup.record_step(
            steward_gld, held_meeting, province("PV25"), 1, datum=TODAY, bewijs="  "
        )


def test_steps_are_overdue_the_set_number_of_days_after_the_meeting(
    held_meeting, steward_gld, monkeypatch
):
    monkeypatch.setenv("KOERS_FOLLOW_UP_DUE_DAYS", "10")
    meeting_day = held_meeting.datum
    assert followup.overdue_steps(today=meeting_day + datetime.timedelta(days=10)) == []
    late = meeting_day + datetime.timedelta(days=11)
    overdue = followup.overdue_steps(province_codes=["PV25"], today=late)
    assert [(o.provincie.code, o.stappen) for o in overdue] == [("PV25", list(Stap))]
    for stap in Stap:
        followup.record_step(
            steward_gld, held_meeting, province("PV25"), stap, datum=TODAY, bewijs="ok"
        )
    assert followup.overdue_steps(province_codes=["PV25"], today=late) == []
    assert len(followup.overdue_steps(today=late)) == 11  # the other provinces


def test_a_reminder_is_emailed_to_the_stewards_of_a_province_with_overdue_steps(
    held_meeting, steward_gld, monkeypatch
):
    monkeypatch.setenv("KOERS_FOLLOW_UP_DUE_DAYS", "1")
    sent = followup.send_reminders(today=held_meeting.datum + datetime.timedelta(days=5))
    assert sent == 1  # only Gelderland has a steward with an e-mail address
    (message,) = mail.outbox
    assert message.to == ["steward@gelderland.nl"]
    assert "Gelderland" in message.subject
    assert str(held_meeting) in message.body and "Vooraf besproken in het College" in message.body


def test_the_overview_is_public_only_once_the_programme_office_publishes_it(
    client, held_meeting, office, steward_gld, monkeypatch
):
    monkeypatch.setenv("KOERS_FOLLOW_UP_DUE_DAYS", "1")
    followup.record_step(
        steward_gld, held_meeting, province("PV25"), 1, datum=held_meeting.datum, bewijs="GS"
    )
    url = f"/overleg/opvolging/{held_meeting.gremium.code}"
    assert client.get(url).status_code == 404
    with pytest.raises(PermissionDenied):
        followup.publish_overview(steward_gld, held_meeting.gremium, openbaar=True)
    client.force_login(office)
    assert client.post(url + "/publiceren", {"openbaar": "ja"}).status_code == 302
    client.logout()
    page = client.get(url)
    assert page.status_code == 200
    overview = page.context["overview"]
    cells = {p.code: cells[0] for p, cells in overview.rows}
    assert (cells["PV25"].done, cells["PV25"].expected) == (1, 4)
    assert (cells["PV26"].done, cells["PV26"].expected) == (0, 4)


def test_overdue_steps_show_in_the_workspace_of_the_province_only(
    client, held_meeting, steward_gld, steward_utr, monkeypatch
):
    monkeypatch.setenv("KOERS_FOLLOW_UP_DUE_DAYS", "1")
    for stap in Stap:
        followup.record_step(
            steward_utr, held_meeting, province("PV26"), stap, datum=TODAY, bewijs="ok"
        )
    client.force_login(steward_gld)
    page = client.get("/werkruimte/").content.decode()
    assert "Opvolging van vergaderingen: te laat" in page
    assert "#opvolging-PV25" in page and "4 stappen open" in page
    client.force_login(steward_utr)
    assert "Opvolging van vergaderingen: te laat" not in client.get("/werkruimte/").content.decode()
