"""Which kinds of document the index holds, and how to rebuild each from its source.

An app registers its kinds once (in its AppConfig.ready); the search side never imports
the apps, so issue 17's knowledge base can register its own kinds the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Facet:
    name: str
    value: str
    label: str


@dataclass(frozen=True)
class IndexedDocument:
    """What a source hands to :func:`koers.search.service.index`."""

    kind: str
    key: str
    title: str
    body: str = ""
    url: str = ""
    public: bool = False
    facets: tuple[Facet, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class DocumentKind:
    kind: str
    label: str
    #: Yields every current document of this kind; used by :func:`reindex`.
    documents: Callable[[], Iterable[IndexedDocument]] | None = None


KINDS: dict[str, DocumentKind] = {}


class UnknownKind(KeyError):
    """A document of a kind nobody registered (code ``search_unknown_kind``)."""

    code = "search_unknown_kind"


def register_kind(
    kind: str, label: str, *, documents: Callable[[], Iterable[IndexedDocument]] | None = None
) -> DocumentKind:
    """Make ``kind`` indexable; ``label`` is its name in the kind facet (Dutch)."""
    KINDS[kind] = DocumentKind(kind, label, documents)
    return KINDS[kind]


def kind_of(kind: str) -> DocumentKind:
    try:
        return KINDS[kind]
    except KeyError:
        raise UnknownKind(f"onbekende soort document voor de zoekindex: {kind!r}") from None
