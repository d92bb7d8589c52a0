"""Preparing, holding and deciding a meeting: the one way in for pages, API and admin.

Each function checks that the user may prepare meetings of the body (a BAC's own theme
lead, or the programme office) and keeps the search index in step.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Max

from koers.accounts.permissions import Action, can, require
from koers.meetings.documents import add_uploaded_document
from koers.meetings.indexing import reindex_vergadering
from koers.meetings.models import (
    Agendapunt,
    AgendapuntSoort,
    Besluit,
    Gremium,
    Vergadering,
    VergaderingStatus,
)


class MeetingRefused(ValueError):
    """A change to a meeting that does not fit its state (code ``meeting_refused``)."""

    code = "meeting_refused"


def may_prepare(user, gremium: Gremium) -> bool:
    return can(user, Action.PREPARE_MEETING, theme=gremium.thema)


def _require(user, vergadering_or_gremium) -> None:
    gremium = getattr(vergadering_or_gremium, "gremium", vergadering_or_gremium)
    require(user, Action.PREPARE_MEETING, theme=gremium.thema)


@transaction.atomic
def plan_meeting(
    user, gremium: Gremium, *, datum: datetime.date, locatie: str = "", toelichting: str = ""
) -> Vergadering:
    _require(user, gremium)
    vergadering = Vergadering.objects.create(
        gremium=gremium, datum=datum, locatie=locatie, toelichting=toelichting
    )
    reindex_vergadering(vergadering)
    return vergadering


@transaction.atomic
def add_agenda_item(
    user,
    vergadering: Vergadering,
    *,
    titel: str,
    soort: str = AgendapuntSoort.BESLUITVORMEND,
    omschrijving: str = "",
    doelen=(),
) -> Agendapunt:
    _require(user, vergadering)
    number = (vergadering.agendapunten.aggregate(n=Max("volgnummer"))["n"] or 0) + 1
    punt = Agendapunt.objects.create(
        vergadering=vergadering,
        volgnummer=number,
        titel=titel,
        soort=soort,
        omschrijving=omschrijving,
    )
    doelen = list(doelen)
    punt.doelen.set(doelen)
    punt.themas.set({goal.theme for goal in doelen} | ({vergadering.gremium.thema} - {None}))
    reindex_vergadering(vergadering)
    return punt


@transaction.atomic
def attach_document(
    user,
    punt: Agendapunt,
    upload,
    *,
    titel: str,
    openbaar: bool,
    informatieobjecttype: str,
    informatiecategorie: str = "vergaderstukken",
):
    """Store an uploaded document (once, by SHA-256) and attach it to an agenda item."""
    _require(user, punt.vergadering)
    document = add_uploaded_document(
        upload,
        titel=titel,
        openbaar=openbaar,
        informatieobjecttype=informatieobjecttype,
        informatiecategorie=informatiecategorie,
        user=user,
    )
    punt.documenten.add(document)
    reindex_vergadering(punt.vergadering)
    return document


@transaction.atomic
def set_status(user, vergadering: Vergadering, status: str) -> Vergadering:
    _require(user, vergadering)
    if status == VergaderingStatus.GEHOUDEN and vergadering.datum > datetime.date.today():
        raise MeetingRefused(
            f"De vergadering van {vergadering.datum:%d-%m-%Y} ligt in de toekomst en kan nog "
            "niet als gehouden worden vastgelegd."
        )
    vergadering.status = status
    vergadering.save(update_fields=["status", "gewijzigd_op"])
    reindex_vergadering(vergadering)
    return vergadering


@transaction.atomic
def publish_meeting(user, vergadering: Vergadering, *, openbaar: bool = True) -> Vergadering:
    """Make the meeting, its agenda and decisions public (or take them back)."""
    _require(user, vergadering)
    vergadering.openbaar = openbaar
    vergadering.save(update_fields=["openbaar", "gewijzigd_op"])
    reindex_vergadering(vergadering)
    return vergadering


@transaction.atomic
def record_decision(user, punt: Agendapunt, *, resultaat: str, tekst: str) -> Besluit:
    """Record (or correct) the decision on an agenda item of a meeting that was held."""
    _require(user, punt.vergadering)
    if punt.vergadering.status != VergaderingStatus.GEHOUDEN:
        raise MeetingRefused(
            "Een besluit wordt vastgelegd nadat de vergadering is gehouden: zet eerst de "
            "status van de vergadering op 'gehouden'."
        )
    if punt.soort == AgendapuntSoort.INFORMEREND and resultaat != "voor_kennisgeving":
        raise MeetingRefused(
            f"Agendapunt {punt.volgnummer} is informerend: het besluit kan alleen "
            "'voor kennisgeving aangenomen' zijn."
        )
    besluit, _ = Besluit.objects.update_or_create(
        agendapunt=punt, defaults={"resultaat": resultaat, "tekst": tekst}
    )
    reindex_vergadering(punt.vergadering)
    return besluit
