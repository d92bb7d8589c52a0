"""Joint positions: every change is a new version; adoption links a meeting's decision."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Max

from koers.accounts.permissions import Action, require
from koers.meetings.indexing import reindex_standpunt
from koers.meetings.models import (
    Besluit,
    Communicatie,
    Standpunt,
    StandpuntStatus,
    StandpuntVersie,
)


class PositionRefused(ValueError):
    """A position version that cannot be recorded as given (code ``position_refused``)."""

    code = "position_refused"


def _theme_of(besluit: Besluit | None, doelen, standpunt: Standpunt | None) -> object | None:
    """The theme a lead must hold: of the deciding BAC, else of the goals, else as before."""
    if besluit is not None and besluit.agendapunt.vergadering.gremium.thema_id:
        return besluit.agendapunt.vergadering.gremium.thema
    goals = list(doelen)
    if goals:
        return goals[0].theme
    previous = standpunt.huidige_versie if standpunt is not None else None
    if previous is not None:
        return _theme_of(previous.besluit, previous.doelen.all(), None)
    return None


@transaction.atomic
def new_version(
    user,
    standpunt: Standpunt | None,
    *,
    titel: str,
    tekst: str,
    arena: str,
    geadresseerden: str,
    status: str = StandpuntStatus.CONCEPT,
    besluit: Besluit | None = None,
    doelen=(),
) -> StandpuntVersie:
    """Add a version to ``standpunt`` (a new position when None); earlier versions stay."""
    require(user, Action.ADOPT_POSITION, theme=_theme_of(besluit, doelen, standpunt))
    if status == StandpuntStatus.VASTGESTELD and besluit is None:
        raise PositionRefused(
            "Een standpunt wordt vastgesteld door een besluit: kies de vergadering en het "
            "agendapunt waarin het is vastgesteld."
        )
    if standpunt is None:
        standpunt = Standpunt.objects.create()
    latest = standpunt.versies.aggregate(n=Max("versie"))["n"] or 0
    versie = StandpuntVersie.objects.create(
        standpunt=standpunt,
        versie=latest + 1,
        titel=titel,
        tekst=tekst,
        arena=arena,
        geadresseerden=geadresseerden,
        status=status,
        besluit=besluit,
        vergadering=besluit.agendapunt.vergadering if besluit else None,
        aangemaakt_door=user,
    )
    versie.doelen.set(doelen)
    reindex_standpunt(standpunt)
    return versie


def record_communication(
    user, standpunt: Standpunt, provincie, *, datum: datetime.date, kanaal: str, link: str
) -> Communicatie:
    """Record how ``provincie`` carried an adopted position out (its own province only)."""
    require(user, Action.UPDATE_FOLLOW_UP, province=provincie)
    if not standpunt.versies.filter(status=StandpuntStatus.VASTGESTELD).exists():
        raise PositionRefused(
            "Communicatie wordt vastgelegd bij een vastgesteld standpunt; dit standpunt is "
            "nog niet vastgesteld."
        )
    return Communicatie.objects.create(
        standpunt=standpunt,
        provincie=provincie,
        datum=datum,
        kanaal=kanaal,
        link=link,
        vastgelegd_door=user,
    )
