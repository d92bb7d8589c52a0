"""Joint positions: versioned, adopted by a decision, shown on their goal's page."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from koers.meetings import agenda, positions
from koers.meetings.models import StandpuntVersie
from koers.programme.models import Goal
from koers.search.service import search

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision(held_meeting, lead):
    punt = held_meeting.agendapunten.get()
    return agenda.record_decision(lead, punt, resultaat="aangenomen", tekst="Standpunt vastgesteld")


@pytest.fixture
def goal(bac):
    return Goal.objects.filter(theme=bac.thema).order_by("position").first()


def draft(user, goal, standpunt=None, **changes):
    fields = {
        "titel": "Netcongestie aanpakken",
        "tekst": "De provincies vragen het Rijk om voorrang voor maatschappelijke aansluitingen.",
        "arena": "den_haag",
        "geadresseerden": "Ministerie van KGG; Tweede Kamer",
        "doelen": [goal],
    }
    return positions.new_version(user, standpunt, **(fields | changes))


def test_a_new_version_never_overwrites_the_old_one(lead, goal, decision):
    first = draft(lead, goal)
    second = draft(
        lead, goal, first.standpunt, status="vastgesteld", besluit=decision, tekst="Aangescherpt."
    )
    first.refresh_from_db()
    assert (first.versie, first.status, first.tekst[:6]) == (1, "concept", "De pro")
    assert (second.versie, second.status, second.vergadering) == (
        2,
        "vastgesteld",
        decision.agendapunt.vergadering,
    )
    assert StandpuntVersie.objects.count() == 2


def test_a_position_is_adopted_only_by_a_decision(lead, goal):
    with pytest.raises(positions.PositionRefused, match="besluit"):
        draft(lead, goal, status="vastgesteld")


def test_a_theme_lead_adopts_positions_of_their_own_theme_only(make_user, other_bac, goal):
    other_lead = make_user("theme_lead", themes=[other_bac.thema], name="ander")
    with pytest.raises(PermissionDenied):
        draft(other_lead, goal)


def test_an_adopted_position_shows_on_its_goals_page_and_a_draft_does_not(
    client, lead, goal, decision
):
    draft(lead, goal, titel="Nog in concept")
    adopted = draft(
        lead, goal, titel="Voorrang voor netaansluitingen", status="vastgesteld", besluit=decision
    )
    page = client.get(f"/doel/{goal.number}").content.decode()
    assert "Voorrang voor netaansluitingen" in page
    assert f"/overleg/standpunten/{adopted.standpunt_id}" in page
    assert "Nog in concept" not in page
    client.force_login(lead)
    assert "Nog in concept" in client.get(f"/doel/{goal.number}").content.decode()


def test_a_draft_revision_keeps_the_adopted_text_public(client, lead, goal, decision):
    adopted = draft(lead, goal, status="vastgesteld", besluit=decision, titel="Vastgestelde tekst")
    draft(lead, goal, adopted.standpunt, titel="Herziening in concept")
    page = client.get(f"/overleg/standpunten/{adopted.standpunt_id}").content.decode()
    assert "Vastgestelde tekst" in page and "Herziening in concept" not in page
    assert [hit.title for hit in search("maatschappelijke aansluitingen").hits] == [
        "Vastgestelde tekst"
    ]


def test_a_province_records_how_it_carried_an_adopted_position_for_itself_only(
    client, lead, goal, decision, steward_gld, steward_utr
):
    from koers.areas.models import Area
    from koers.meetings.models import Communicatie

    concept = draft(lead, goal)
    gelderland = Area.objects.get(code="PV25")
    with pytest.raises(positions.PositionRefused, match="nog niet vastgesteld"):
        positions.record_communication(
            steward_gld, concept.standpunt, gelderland, datum=decision.agendapunt.vergadering.datum,
            kanaal="statenbrief", link="Statenbrief 2026-12",
        )  # fmt: skip
    adopted = draft(lead, goal, concept.standpunt, status="vastgesteld", besluit=decision)
    url = f"/overleg/standpunten/{adopted.standpunt_id}/communicatie"
    form = {
        "provincie": gelderland.pk,
        "datum": "2026-01-05",
        "kanaal": "persbericht",
        "link": "https://gelderland.nl/pers/1",
    }
    client.force_login(steward_utr)
    assert client.post(url, form).status_code == 403
    client.force_login(steward_gld)
    client.post(url, form)
    (communicatie,) = Communicatie.objects.all()
    assert (communicatie.provincie.code, communicatie.kanaal) == ("PV25", "persbericht")
    client.logout()
    page = client.get(f"/overleg/standpunten/{adopted.standpunt_id}").content.decode()
    assert "https://gelderland.nl/pers/1" in page and "Communicatie vastleggen" not in page
