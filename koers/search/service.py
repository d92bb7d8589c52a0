"""What other apps may call: index a document, take it out, search, rebuild.

``search("stikstof", filters={"gremium": ["bac-water"]})`` answers with hits (best first),
the total, and per facet the values with their counts among the matches.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, QuerySet

from koers.search.backends import full_text
from koers.search.dutch import WORD, stem, words
from koers.search.models import SearchDocument, SearchFacet
from koers.search.registry import KINDS, Facet, IndexedDocument, kind_of

KIND_FACET = "soort"
SNIPPET_CHARS = 240


@dataclass(frozen=True)
class Hit:
    kind: str
    key: str
    title: str
    url: str
    snippet: str
    rank: float


@dataclass(frozen=True)
class FacetCount:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class SearchResults:
    text: str
    hits: list[Hit]
    total: int
    facets: dict[str, list[FacetCount]]


@transaction.atomic
def index(document: IndexedDocument) -> SearchDocument:
    """Add or replace ``document`` in the index, its facets and full text with it."""
    kind = kind_of(document.kind)
    stored, _ = SearchDocument.objects.update_or_create(
        kind=document.kind,
        key=document.key,
        defaults={
            "title": document.title[:500],
            "body": document.body,
            "url": document.url,
            "public": document.public,
        },
    )
    stored.facets.all().delete()
    facets = (Facet(KIND_FACET, kind.kind, kind.label), *document.facets)
    SearchFacet.objects.bulk_create(
        SearchFacet(document=stored, name=f.name, value=f.value[:100], label=f.label[:200])
        for f in dict.fromkeys(facets)
    )
    full_text().store(stored)
    return stored


@transaction.atomic
def unindex(kind: str, key: str) -> None:
    """Take a document out of the index (nothing happens when it is not there)."""
    for stored in SearchDocument.objects.filter(kind=kind, key=key):
        stored.delete()  # the post_delete receiver removes its full text


def reindex(kind: str | None = None) -> int:
    """Rebuild the index of one kind (or all) from its source; returns the documents indexed."""
    count = 0
    for registered in [kind_of(kind)] if kind else list(KINDS.values()):
        if registered.documents is None:
            continue
        with transaction.atomic():
            keep = set()
            for document in registered.documents():
                index(document)
                keep.add(document.key)
            for stale in SearchDocument.objects.filter(kind=registered.kind).exclude(key__in=keep):
                stale.delete()
            count += len(keep)
    return count


def search(
    text: str,
    *,
    filters: dict[str, list[str]] | None = None,
    include_private: bool = False,
    limit: int = 20,
    offset: int = 0,
) -> SearchResults:
    """Documents matching every word of ``text`` (Dutch stems), narrowed by facet ``filters``.

    Without words, every document passing the filters matches (browsing by facet).
    Visitors see public documents only; pass ``include_private`` for signed-in users.
    """
    filters = {name: values for name, values in (filters or {}).items() if values}
    documents = SearchDocument.objects.all()
    if not include_private:
        documents = documents.filter(public=True)
    for name, values in filters.items():
        documents = documents.filter(
            id__in=SearchFacet.objects.filter(name=name, value__in=values).values("document_id")
        )
    if words(text):
        documents = full_text().match(documents, text).order_by("-rank", "title", "id")
    else:
        documents = documents.order_by("title", "id")
    total = documents.count()
    page = list(documents[offset : offset + limit])
    stems = {stem(word) for word in words(text)}
    hits = [
        Hit(
            kind=doc.kind,
            key=doc.key,
            title=doc.title,
            url=doc.url,
            snippet=snippet(doc.body, stems),
            rank=float(getattr(doc, "rank", 0.0) or 0.0),
        )
        for doc in page
    ]
    return SearchResults(text, hits, total, _facet_counts(documents, filters))


def _facet_counts(
    documents: QuerySet, filters: dict[str, list[str]]
) -> dict[str, list[FacetCount]]:
    rows = (
        SearchFacet.objects.filter(document_id__in=documents.values("id"))
        .values("name", "value", "label")
        .annotate(count=Count("document_id", distinct=True))
        .order_by("name", "-count", "label")
    )
    counts: dict[str, list[FacetCount]] = {}
    for row in rows:
        selected = row["value"] in filters.get(row["name"], ())
        counts.setdefault(row["name"], []).append(
            FacetCount(row["value"], row["label"], row["count"], selected)
        )
    return counts


def snippet(body: str, stems: set[str], *, width: int = SNIPPET_CHARS) -> str:
    """The part of ``body`` around the first word whose stem was searched for."""
    start = 0
    for match in WORD.finditer(body):
        if stem(match.group().lower()) in stems:
            start = max(0, match.start() - width // 3)
            break
    piece = " ".join(body[start : start + width].split())
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + width < len(body) else ""
    return f"{prefix}{piece}{suffix}" if piece else ""
