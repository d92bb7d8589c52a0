"""A practice from concept to review to published; versions, roles, four eyes, consent."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from koers.areas.models import Area
from koers.knowledge import practices
from koers.knowledge.models import PracticeStatus
from koers.knowledge.practices import PracticeRefused
from koers.knowledge.queries import for_goal, led_by
from koers.search.service import search

pytestmark = pytest.mark.django_db


def new(user, theme, goal, **changes):
    fields = {
        "theme": theme,
        "lead_province": Area.objects.get(code="PV25"),
        "title": "Peilbeheer in de Gelderse Vallei",
        "tried": "Boeren en waterschap verhoogden samen het slootpeil.",
        "place": "Gelderse Vallei",
        "worked": "Vroeg meedenken van de boeren.",
        "goals": [goal],
    }
    fields.update(changes)
    return practices.save_version(user, None, **fields)


def test_a_steward_writes_the_theme_lead_publishes_and_the_goal_page_shows_it(
    steward, lead, theme, goal
) -> None:
    version = new(steward, theme, goal)
    practice = version.practice
    assert practice.published is None and list(for_goal(goal)) == []
    practices.submit(steward, practice)
    practices.publish(lead, practice)
    assert practice.published.number == 1
    assert [v.practice_id for v in for_goal(goal)] == [practice.pk]
    assert [v.practice_id for v in led_by(practice.lead_province)] == [practice.pk]


def test_a_new_version_leaves_the_published_one_visible_until_it_is_published(
    steward, lead, theme, goal
) -> None:
    practice = new(steward, theme, goal).practice
    practices.submit(steward, practice)
    practices.publish(lead, practice)
    practices.save_version(steward, practice, title="Peilbeheer, tweede jaar", tried="…", place="x")
    assert practice.latest.number == 2 and practice.latest.status == PracticeStatus.CONCEPT
    assert practice.published.title == "Peilbeheer in de Gelderse Vallei"
    assert practice.versions.count() == 2


def test_nobody_publishes_their_own_version(lead, theme, goal) -> None:
    practice = new(lead, theme, goal).practice
    practices.submit(lead, practice)
    with pytest.raises(PracticeRefused, match="vier ogen"):
        practices.publish(lead, practice)


def test_a_steward_writes_only_for_their_own_province(make_user, theme, goal) -> None:
    other = make_user("province_steward", province="PV26", name="steward-utr")
    with pytest.raises(PermissionDenied):
        new(other, theme, goal)


def test_a_theme_lead_publishes_only_in_their_own_theme(steward, make_user, theme, goal) -> None:
    from koers.programme.models import Theme

    elsewhere = make_user(
        "theme_lead", themes=[Theme.objects.get(number="2.1")], name="lead-klimaat"
    )
    practice = new(steward, theme, goal).practice
    practices.submit(steward, practice)
    with pytest.raises(PermissionDenied):
        practices.publish(elsewhere, practice)


def test_a_name_is_shown_only_with_consent(steward, lead, theme, goal) -> None:
    with pytest.raises(PracticeRefused, match="toestemming"):
        new(steward, theme, goal, contacts=[{"role": "gebiedsregisseur", "name": "Anna de Wit"}])
    anna = {"role": "gebiedsregisseur", "province": "PV25", "name": "Anna de Wit", "consent": True}
    version = new(
        steward, theme, goal, contacts=[anna, {"role": "projectleider", "province": "PV25"}]
    )
    assert version.shown_contacts() == [
        {"role": "gebiedsregisseur", "province": "PV25", "name": "Anna de Wit"},
        {"role": "projectleider", "province": "PV25", "name": ""},
    ]


def test_a_practice_is_found_by_a_word_in_its_document_once_published(
    steward, lead, theme, goal, pdf
) -> None:
    from koers.meetings.documents import add_document

    document = add_document(pdf, titel="Evaluatie peilbeheer", user=steward)
    practice = new(steward, theme, goal, documents=[document]).practice
    assert search("bodemdaling").total == 0  # a concept is not public
    # nor to every signed-in user: a concept is for its province and theme only
    assert search("bodemdaling", include_private=True).total == 0
    practices.submit(steward, practice)
    practices.publish(lead, practice)
    hits = search("bodemdaling", filters={"soort": ["praktijkvoorbeeld"]}).hits
    assert [h.key for h in hits] == [str(practice.pk)]
    document.refresh_from_db()
    assert document.openbaar  # published with the practice
    practices.withdraw(lead, practice)
    assert search("bodemdaling").total == 0


def test_more_like_this_by_shared_goals_and_words(steward, lead, theme, goal) -> None:
    from koers.knowledge.related import more_like_this

    def published(**changes):
        practice = new(steward, theme, goal, **changes).practice
        practices.submit(steward, practice)
        practices.publish(lead, practice)
        return practice

    first = published()
    second = published(title="Slootpeil verhoogd met melkveehouders", goals=[])
    unrelated = published(
        title="Laadpalen", tried="Snelladers langs de snelweg.", place="Rijksweg A12",
        worked="Snelle aanleg.", goals=[],
    )  # fmt: skip
    related = more_like_this(first, first.published)
    assert second in related and unrelated not in related
