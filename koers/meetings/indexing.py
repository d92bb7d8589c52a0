"""What of Overleg is findable, and how: meetings, agenda items, positions, documents."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.db.models.signals import post_delete
from django.urls import reverse

from koers.meetings.models import (
    Agendapunt,
    Informatieobject,
    Standpunt,
    StandpuntStatus,
    Vergadering,
)
from koers.search.registry import Facet, IndexedDocument, register_kind
from koers.search.service import index, unindex

KINDS = (
    ("vergadering", "Vergadering"),
    ("agendapunt", "Agendapunt"),
    ("standpunt", "Standpunt"),
    ("document", "Document"),
)


def _gremium(vergadering: Vergadering) -> tuple[Facet, ...]:
    g = vergadering.gremium
    facets = [
        Facet("gremium", g.code, g.naam),
        Facet("jaar", str(vergadering.datum.year), str(vergadering.datum.year)),
    ]
    if g.thema_id:
        facets.append(Facet("thema", g.thema.number, g.thema.name))
    return tuple(facets)


def _goals(goals: Iterable) -> tuple[Facet, ...]:
    facets = []
    for goal in goals:
        facets.append(Facet("doel", goal.number, f"{goal.number} {goal.title}"))
        facets.append(Facet("thema", goal.theme.number, goal.theme.name))
    return tuple(facets)


def vergadering_document(vergadering: Vergadering) -> IndexedDocument:
    agenda = "\n".join(f"{p.volgnummer}. {p.titel}" for p in vergadering.agendapunten.all())
    return IndexedDocument(
        kind="vergadering",
        key=str(vergadering.pk),
        title=str(vergadering),
        body="\n".join(filter(None, [vergadering.locatie, vergadering.toelichting, agenda])),
        url=reverse("meetings:vergadering", args=[vergadering.pk]),
        public=vergadering.openbaar,
        facets=_gremium(vergadering),
    )


def agendapunt_document(punt: Agendapunt) -> IndexedDocument:
    besluit = getattr(punt, "besluit", None)
    body = [punt.omschrijving]
    if besluit is not None:
        body += [besluit.get_resultaat_display(), besluit.tekst]
    themes = tuple(Facet("thema", t.number, t.name) for t in punt.themas.all())
    return IndexedDocument(
        kind="agendapunt",
        key=str(punt.pk),
        title=f"{punt.titel} ({punt.vergadering})",
        body="\n".join(filter(None, body)),
        url=reverse("meetings:vergadering", args=[punt.vergadering_id])
        + f"#agendapunt-{punt.volgnummer}",
        public=punt.vergadering.openbaar,
        facets=_gremium(punt.vergadering) + _goals(punt.doelen.all()) + themes,
    )


def standpunt_document(standpunt: Standpunt) -> IndexedDocument | None:
    # The newest adopted (or withdrawn) version is what the public finds; a draft revision
    # of it stays out of the index until adopted. A position that is only a draft is private.
    adopted = standpunt.versies.exclude(status=StandpuntStatus.CONCEPT).order_by("-versie").first()
    versie = adopted or standpunt.huidige_versie
    if versie is None:
        return None
    facets = _goals(versie.doelen.all()) + (
        Facet("arena", versie.arena, versie.get_arena_display()),
    )
    if versie.vergadering_id:
        facets += _gremium(versie.vergadering)
    return IndexedDocument(
        kind="standpunt",
        key=str(standpunt.pk),
        title=versie.titel,
        body=f"{versie.tekst}\n{versie.geadresseerden}",
        url=reverse("meetings:standpunt", args=[standpunt.pk]),
        public=adopted is not None,
        facets=facets,
    )


def document_document(document: Informatieobject) -> IndexedDocument:
    facets: tuple[Facet, ...] = ()
    for vergadering in {p.vergadering for p in document.agendapunten.all()} | set(
        document.vergaderingen.all()
    ):
        facets += _gremium(vergadering)
    return IndexedDocument(
        kind="document",
        key=str(document.pk),
        title=document.titel,
        body=document.tekst,
        url=reverse("meetings:document", args=[document.pk]),
        public=document.openbaar,
        facets=facets,
    )


def reindex_vergadering(vergadering: Vergadering) -> None:
    """Index a meeting with its agenda items and their documents (after any change to them)."""
    index(vergadering_document(vergadering))
    for punt in vergadering.agendapunten.all():
        index(agendapunt_document(punt))
        for document in punt.documenten.all():
            index(document_document(document))
    for document in vergadering.bijlagen.all():
        index(document_document(document))


def reindex_standpunt(standpunt: Standpunt) -> None:
    if (document := standpunt_document(standpunt)) is not None:
        index(document)


def _all(model, make) -> Iterator[IndexedDocument]:
    for item in model.objects.all():
        if (document := make(item)) is not None:
            yield document


def register() -> None:
    sources = {
        "vergadering": lambda: _all(Vergadering, vergadering_document),
        "agendapunt": lambda: _all(Agendapunt, agendapunt_document),
        "standpunt": lambda: _all(Standpunt, standpunt_document),
        "document": lambda: _all(Informatieobject, document_document),
    }
    for kind, label in KINDS:
        register_kind(kind, label, documents=sources[kind])
    for model, kind in (
        (Vergadering, "vergadering"),
        (Agendapunt, "agendapunt"),
        (Standpunt, "standpunt"),
        (Informatieobject, "document"),
    ):
        post_delete.connect(
            _unindexer(kind), sender=model, weak=False, dispatch_uid=f"unindex-{kind}"
        )


def _unindexer(kind: str):
    def remove(sender, instance, **kwargs) -> None:
        unindex(kind, str(instance.pk))

    return remove
