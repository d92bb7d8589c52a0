"""Preparing, holding and deciding a meeting, by the people allowed to."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from koers.meetings import agenda
from koers.meetings.models import Besluit
from koers.programme.models import Goal
from koers.search.service import search

pytestmark = pytest.mark.django_db


def test_a_bac_meeting_is_prepared_by_its_own_theme_lead_only(lead, bac, other_bac, make_user):
    day = datetime.date.today()
    assert agenda.plan_meeting(lead, bac, datum=day).gremium == bac
    with pytest.raises(PermissionDenied):
        agenda.plan_meeting(lead, other_bac, datum=day)
    steward = make_user("province_steward", province="PV25")
    with pytest.raises(PermissionDenied):
        agenda.plan_meeting(steward, bac, datum=day)


def test_agenda_items_are_numbered_in_order_and_carry_goals_and_themes(lead, bac):
    vergadering = agenda.plan_meeting(lead, bac, datum=datetime.date.today())
    goal = Goal.objects.filter(theme=bac.thema).first()
    first = agenda.add_agenda_item(lead, vergadering, titel="Opening", soort="informerend")
    second = agenda.add_agenda_item(lead, vergadering, titel="Windenergie", doelen=[goal])
    assert (first.volgnummer, second.volgnummer) == (1, 2)
    assert list(second.doelen.all()) == [goal]
    assert list(second.themas.all()) == [bac.thema]


def test_a_decision_is_recorded_only_once_the_meeting_was_held(lead, bac):
    vergadering = agenda.plan_meeting(lead, bac, datum=datetime.date.today())
    punt = agenda.add_agenda_item(lead, vergadering, titel="Windenergie")
    with pytest.raises(agenda.MeetingRefused, match="gehouden"):
        agenda.record_decision(lead, punt, resultaat="aangenomen", tekst="Akkoord")
    agenda.set_status(lead, vergadering, "gehouden")
    agenda.record_decision(lead, punt, resultaat="aangenomen", tekst="Akkoord met de inzet")
    agenda.record_decision(lead, punt, resultaat="gewijzigd_aangenomen", tekst="Akkoord, gewijzigd")
    assert Besluit.objects.get().resultaat == "gewijzigd_aangenomen"


def test_a_meeting_in_the_future_cannot_be_marked_held(lead, bac):
    vergadering = agenda.plan_meeting(
        lead, bac, datum=datetime.date.today() + datetime.timedelta(days=2)
    )
    with pytest.raises(agenda.MeetingRefused, match="toekomst"):
        agenda.set_status(lead, vergadering, "gehouden")


def test_an_informing_item_is_only_taken_for_information(held_meeting, lead):
    punt = agenda.add_agenda_item(lead, held_meeting, titel="Mededelingen", soort="informerend")
    with pytest.raises(agenda.MeetingRefused, match="informerend"):
        agenda.record_decision(lead, punt, resultaat="aangenomen", tekst="x")
    agenda.record_decision(lead, punt, resultaat="voor_kennisgeving", tekst="Voor kennisgeving")


def test_a_meeting_and_its_decisions_are_public_only_once_published(client, held_meeting, lead):
    punt = held_meeting.agendapunten.get()
    agenda.record_decision(
        lead, punt, resultaat="aangenomen", tekst="De BAC stemt in met de stikstofaanpak"
    )
    assert client.get(f"/overleg/vergaderingen/{held_meeting.pk}").status_code == 404
    assert search("stikstofaanpak").total == 0
    agenda.publish_meeting(lead, held_meeting)
    page = client.get(f"/overleg/vergaderingen/{held_meeting.pk}").content.decode()
    assert "De BAC stemt in met de stikstofaanpak" in page
    assert {hit.kind for hit in search("stikstofaanpak").hits} == {"vergadering", "agendapunt"}


def test_a_bodys_page_lists_its_members_per_province_and_public_meetings(
    client, held_meeting, lead, bac
):
    from koers.areas.models import Area
    from koers.meetings.models import Lid

    Lid.objects.create(
        gremium=bac, naam="J. de Vries", rol="gedeputeerde", provincie=Area.objects.get(code="PV25")
    )
    page = client.get(f"/overleg/gremia/{bac.code}").content.decode()
    assert "J. de Vries" in page and "Gelderland" in page and "gedeputeerde" in page
    assert f"/overleg/vergaderingen/{held_meeting.pk}" not in page  # not yet published
    agenda.publish_meeting(lead, held_meeting)
    assert (
        f"/overleg/vergaderingen/{held_meeting.pk}"
        in client.get(f"/overleg/gremia/{bac.code}").content.decode()
    )
