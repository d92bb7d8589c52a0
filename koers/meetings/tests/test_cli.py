"""`koers overleg`: bodies loaded once, reminders sent, the search index rebuilt."""

from __future__ import annotations

import datetime

import pytest
from click.testing import CliRunner
from django.core import mail

from koers.cli.overleg import overleg
from koers.meetings.models import Gremium, GremiumSoort
from koers.search.models import SearchDocument

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    result = CliRunner().invoke(overleg, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_gremia_gives_the_fixed_bodies_and_one_bac_per_theme_once(register):
    first = run("gremia")
    assert run("gremia") == first
    assert Gremium.objects.filter(soort=GremiumSoort.BAC).count() == 8
    assert first == f"{8 + 3} gremia\n"


def test_herinneren_emails_the_overdue_follow_up(held_meeting, steward_gld, monkeypatch):
    monkeypatch.setenv("KOERS_FOLLOW_UP_DUE_DAYS", "1")
    held_meeting.datum = datetime.date.today() - datetime.timedelta(days=10)
    held_meeting.save()
    assert run("herinneren") == "1 reminder e-mails sent\n"
    assert mail.outbox[0].to == ["steward@gelderland.nl"]


def test_herindexeren_rebuilds_what_was_lost(held_meeting):
    SearchDocument.objects.all().delete()
    assert run("herindexeren") == "2 documents indexed\n"  # the meeting and its agenda item
    assert set(SearchDocument.objects.values_list("kind", flat=True)) == {
        "vergadering",
        "agendapunt",
    }
