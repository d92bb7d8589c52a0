"""A practice from concept to review to published; every change of content is a new version.

Writing: the lead province's steward, the theme lead of its theme, the programme office.
Publishing: the theme lead (or the programme office), never the version's own author
(four eyes). Publishing makes the version's documents public and findable.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from koers.accounts.permissions import Action, require
from koers.errors import KoersError
from koers.knowledge.indexing import index_practice
from koers.knowledge.models import Practice, PracticeStatus, PracticeVersion


class PracticeRefused(KoersError):
    """A step that does not fit the practice's state; says why."""

    code = "practice_refused"
    title = "Niet mogelijk"


def _may_write(user, practice: Practice) -> None:
    require(user, Action.WRITE_PRACTICE, province=practice.lead_province, theme=practice.theme)


@transaction.atomic
def save_version(
    user,
    practice: Practice | None,
    *,
    theme=None,
    lead_province=None,
    title: str,
    tried: str,
    place: str,
    started: date | None = None,
    ended: date | None = None,
    worked: str = "",
    did_not_work: str = "",
    contacts: list[dict] | None = None,
    links: Iterable[str] = (),
    goals=(),
    areas=(),
    documents=(),
) -> PracticeVersion:
    """A new concept version of ``practice`` (a new practice when None); old ones stay."""
    if practice is None:
        practice = Practice(theme=theme, lead_province=lead_province)
        _may_write(user, practice)
        practice.save()
    else:
        _may_write(user, practice)
    if started and ended and ended < started:
        raise PracticeRefused("de einddatum ligt vóór de begindatum")
    for contact in contacts or []:
        if contact.get("name") and not contact.get("consent"):
            raise PracticeRefused(
                f"{contact['name']}: een naam staat er alleen met toestemming; vink die aan of "
                "laat de naam weg (rol en provincie volstaan)"
            )
    number = (practice.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = PracticeVersion.objects.create(
        practice=practice,
        number=number,
        title=title,
        tried=tried,
        place=place,
        started=started,
        ended=ended,
        worked=worked,
        did_not_work=did_not_work,
        contacts=list(contacts or []),
        links=[link for link in links if link],
        created_by=user,
    )
    version.goals.set(goals)
    version.areas.set(areas)
    version.documents.set(documents)
    index_practice(practice)
    return version


def _latest(practice: Practice, *expected: str) -> PracticeVersion:
    latest = practice.latest
    if latest is None or latest.status not in expected:
        state = PracticeStatus(latest.status).label if latest else "leeg"
        wanted = " of ".join(str(PracticeStatus(s).label) for s in expected)
        raise PracticeRefused(f"de laatste versie is {state}; dit kan alleen als zij {wanted} is")
    return latest


@transaction.atomic
def submit(user, practice: Practice) -> PracticeVersion:
    """Offer the latest concept to the theme lead for review."""
    _may_write(user, practice)
    version = _latest(practice, PracticeStatus.CONCEPT)
    version.status = PracticeStatus.REVIEW
    version.save(update_fields=["status"])
    return version


@transaction.atomic
def publish(user, practice: Practice) -> PracticeVersion:
    """The theme lead publishes the version under review (never their own)."""
    require(user, Action.PUBLISH_PRACTICE, theme=practice.theme)
    version = _latest(practice, PracticeStatus.REVIEW)
    if version.created_by_id == user.pk:
        raise PracticeRefused(
            "vier ogen: een ander dan de schrijver van deze versie publiceert haar"
        )
    version.status, version.reviewed_by = PracticeStatus.PUBLISHED, user
    version.published_at = timezone.now()
    version.save(update_fields=["status", "reviewed_by", "published_at"])
    version.documents.update(openbaar=True)
    index_practice(practice)
    return version


@transaction.atomic
def send_back(user, practice: Practice) -> PracticeVersion:
    """The theme lead returns the version under review to concept."""
    require(user, Action.PUBLISH_PRACTICE, theme=practice.theme)
    version = _latest(practice, PracticeStatus.REVIEW)
    version.status = PracticeStatus.CONCEPT
    version.save(update_fields=["status"])
    return version


@transaction.atomic
def withdraw(user, practice: Practice) -> PracticeVersion:
    """Take a published practice off the public pages; its versions stay."""
    require(user, Action.PUBLISH_PRACTICE, theme=practice.theme)
    version = _latest(practice, PracticeStatus.PUBLISHED)
    version.status = PracticeStatus.WITHDRAWN
    version.save(update_fields=["status"])
    _unpublish_documents(practice)
    index_practice(practice)
    return version


def _unpublish_documents(practice: Practice) -> None:
    """Its documents leave the public pages with it, unless something else still shows them
    (another published practice, a knowledge question, a meeting)."""
    from koers.meetings.models import Informatieobject

    others = [
        rel
        for rel in Informatieobject._meta.related_objects
        if rel.related_name != "practice_versions"
    ]
    for document in Informatieobject.objects.filter(
        practice_versions__practice=practice, openbaar=True
    ).distinct():
        shown_elsewhere = document.practice_versions.exclude(practice=practice).filter(
            status=PracticeStatus.PUBLISHED
        ).exists() or any(
            getattr(document, rel.get_accessor_name()).exists()
            if rel.many_to_many or rel.one_to_many
            else hasattr(document, rel.get_accessor_name())
            for rel in others
        )
        if not shown_elsewhere:
            document.openbaar = False
            document.save(update_fields=["openbaar"])
