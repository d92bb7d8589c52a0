"""The search interface behaves the same on SQLite (FTS5) and PostgreSQL (Dutch tsvector)."""

from __future__ import annotations

import pytest
from django.db import connection

from koers.search import registry
from koers.search.dutch import stem
from koers.search.models import SearchDocument
from koers.search.registry import Facet, IndexedDocument, UnknownKind
from koers.search.service import index, reindex, search, unindex

pytestmark = pytest.mark.django_db

SOURCE: list[IndexedDocument] = []


@pytest.fixture(autouse=True)
def notes_kind():
    registry.register_kind("notitie", "Notitie", documents=lambda: list(SOURCE))
    yield
    registry.KINDS.pop("notitie", None)
    SOURCE.clear()


def note(key: str, title: str, body: str = "", *, public=True, gremium="bac-water", year="2025"):
    return IndexedDocument(
        kind="notitie",
        key=key,
        title=title,
        body=body,
        url=f"/notities/{key}",
        public=public,
        facets=(Facet("gremium", gremium, gremium.upper()), Facet("jaar", year, year)),
    )


def keys(results) -> list[str]:
    return [hit.key for hit in results.hits]


def test_a_word_is_found_in_another_inflection_through_dutch_stemming():
    index(note("1", "Verslag", "Tijdens de vergaderingen van de BAC werd gesproken."))
    index(note("2", "Agenda", "Iets anders."))
    assert keys(search("vergadering")) == ["1"]
    assert keys(search("Vergaderingen")) == ["1"]


def test_every_word_must_occur():
    index(note("1", "Stikstof en natuur", "Het natuurherstel gaat door."))
    index(note("2", "Stikstof", "Over de landbouw."))
    assert keys(search("stikstof landbouw")) == ["2"]
    assert sorted(keys(search("stikstof"))) == ["1", "2"]


def test_a_title_match_ranks_above_a_passing_mention_and_the_snippet_shows_the_word():
    index(note("1", "Jaarverslag", "Vele woorden. " * 40 + "Ook stikstof komt ter sprake."))
    index(note("2", "Stikstof", "Stikstof, stikstof en nog eens stikstof."))
    results = search("stikstof")
    assert keys(results) == ["2", "1"]
    assert "stikstof" in results.hits[1].snippet.lower()
    assert results.hits[1].snippet.startswith("…")


def test_facets_count_the_matches_and_narrow_them():
    index(note("1", "Water een", "over water", gremium="bac-water", year="2024"))
    index(note("2", "Water twee", "over water", gremium="bac-water", year="2025"))
    index(note("3", "Water drie", "over water", gremium="alv", year="2025"))
    results = search("water")
    assert results.total == 3
    assert {(f.value, f.count) for f in results.facets["gremium"]} == {("bac-water", 2), ("alv", 1)}
    assert [(f.value, f.count) for f in results.facets["soort"]] == [("notitie", 3)]
    narrowed = search("water", filters={"gremium": ["bac-water"], "jaar": ["2025"]})
    assert keys(narrowed) == ["2"]
    assert [f.value for f in narrowed.facets["gremium"] if f.selected] == ["bac-water"]


def test_without_words_the_filters_alone_browse_the_index():
    index(note("1", "B", gremium="alv"))
    index(note("2", "A", gremium="alv"))
    index(note("3", "C", gremium="ipo-bestuur"))
    assert keys(search("", filters={"gremium": ["alv"]})) == ["2", "1"]


def test_visitors_never_find_a_document_that_is_not_public():
    index(note("1", "Vertrouwelijk stikstof", public=False))
    assert keys(search("stikstof")) == []
    assert search("", filters={"gremium": ["bac-water"]}).total == 0
    assert keys(search("stikstof", include_private=True)) == ["1"]


def test_indexing_again_replaces_the_text_and_unindexing_removes_it():
    index(note("1", "Eerste", "over windenergie"))
    index(note("1", "Eerste", "over zonne-energie"))
    assert keys(search("windenergie")) == []
    assert keys(search("zonne")) == ["1"]
    unindex("notitie", "1")
    assert keys(search("zonne")) == []
    assert SearchDocument.objects.count() == 0


def test_reindex_rebuilds_a_kind_from_its_source_and_drops_what_is_gone():
    index(note("oud", "Verdwenen stuk", "water"))
    SOURCE.extend([note("1", "Nieuw", "water"), note("2", "Nieuwer", "water")])
    assert reindex("notitie") == 2
    assert sorted(keys(search("water"))) == ["1", "2"]


@pytest.mark.parametrize(
    "text", ['"', "stik*", "NEAR(a b)", "a OR", "-water", "title:x", "'; drop"]
)
def test_search_syntax_in_user_input_is_just_text(text):
    index(note("1", "Water", "water"))
    search(text)  # no database error, whatever the input


def test_an_unregistered_kind_is_refused_with_its_code():
    with pytest.raises(UnknownKind) as refused:
        index(IndexedDocument(kind="onbekend", key="1", title="x"))
    assert refused.value.code == "search_unknown_kind"


WORDS = str.split(
    "vergadering vergaderingen besluiten standpunten provincies mogelijkheden gemeentelijke "
    "natuurherstel stikstofdepositie waterbeheer lopen maan brood heden grootheid "
    "zichtbaarheid gebeurtenissen opvolging kwaliteit eenmalig afspraken"
)


def test_the_sqlite_stemmer_agrees_with_postgresql_dutch():
    if connection.vendor != "postgresql":
        pytest.skip("compares with PostgreSQL's own Dutch stemmer")
    with connection.cursor() as cursor:
        for word in WORDS:
            cursor.execute("SELECT ts_lexize('dutch_stem', %s)", [word])
            (lexemes,) = cursor.fetchone()
            assert [stem(word)] == lexemes, word
