"""The read side of Overleg: who sees what (one rule), and what pages show."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from koers.accounts.models import Role
from koers.accounts.permissions import roles_of
from koers.meetings.models import (
    Informatieobject,
    LobbyDossier,
    Standpunt,
    StandpuntStatus,
    StandpuntVersie,
    Vergadering,
)

#: Roles that work with unpublished meetings, documents and draft positions.
INSIDERS = frozenset({Role.PROGRAMME_OFFICE, Role.THEME_LEAD, Role.PROVINCE_STEWARD, Role.ANALYST})


def sees_unpublished(user) -> bool:
    """Insiders see unpublished meetings and documents; visitors and readers only public ones."""
    if user is None or not user.is_authenticated:
        return False
    return user.is_superuser or bool(roles_of(user) & INSIDERS)


def visible_meetings(user) -> QuerySet[Vergadering]:
    meetings = Vergadering.objects.select_related("gremium", "gremium__thema")
    return meetings if sees_unpublished(user) else meetings.filter(openbaar=True)


def visible_documents(user) -> QuerySet[Informatieobject]:
    documents = Informatieobject.objects.select_related("bestand")
    return documents if sees_unpublished(user) else documents.filter(openbaar=True)


def visible_positions(user) -> QuerySet[Standpunt]:
    if sees_unpublished(user):
        return Standpunt.objects.all()
    public = StandpuntVersie.objects.exclude(status=StandpuntStatus.CONCEPT).values("standpunt_id")
    return Standpunt.objects.filter(pk__in=public)


def shown_version(standpunt: Standpunt, user) -> StandpuntVersie | None:
    """The newest version ``user`` may read: drafts only for insiders."""
    versies = standpunt.versies.order_by("-versie")
    if not sees_unpublished(user):
        versies = versies.exclude(status=StandpuntStatus.CONCEPT)
    return versies.first()


@dataclass(frozen=True)
class GoalPosition:
    standpunt: Standpunt
    versie: StandpuntVersie


def positions_for_goal(goal, user) -> list[GoalPosition]:
    """The positions whose current version serves ``goal`` (drafts only for insiders)."""
    found = []
    for standpunt in visible_positions(user).filter(versies__doelen=goal).distinct():
        versie = shown_version(standpunt, user)
        if versie is None or not versie.doelen.filter(pk=goal.pk).exists():
            continue
        found.append(GoalPosition(standpunt, versie))
    return sorted(
        found, key=lambda p: (p.versie.status != StandpuntStatus.VASTGESTELD, p.versie.titel)
    )


def dossiers_for_goal(goal) -> QuerySet[LobbyDossier]:
    return LobbyDossier.objects.filter(doelen=goal).prefetch_related("acties")
