"""Full text per database, behind one small interface.

PostgreSQL: ``to_tsvector('dutch', title || ' ' || body)`` with a GIN expression index
(migration 0002) and ``websearch_to_tsquery('dutch', …)``, ranked by ``ts_rank``.
SQLite: an FTS5 table ``search_fts`` (rowid = document id) holding Dutch stems made by
:mod:`koers.search.dutch`, kept in step on every write, ranked by ``bm25``.
Both are expressions over the document's own columns, so they work inside subqueries.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import BooleanField, F, FloatField, Func, QuerySet, Value

from koers.search.dutch import stem, stem_text, words

FTS_TABLE = "search_fts"


def _pg_vector(title_sql: str, body_sql: str) -> str:
    # Must repeat the indexed expression of migration 0002 exactly for the GIN index to be used.
    return (
        f"to_tsvector('dutch'::regconfig, coalesce({title_sql}, '') || ' ' || "
        f"coalesce({body_sql}, ''))"
    )


class _PgFullText(Func):
    """``match`` or ``rank`` of a document's title and body against a web-style query."""

    def __init__(self, text: str, *, rank: bool):
        self.rank = rank
        output = FloatField() if rank else BooleanField()
        super().__init__(F("title"), F("body"), Value(text), output_field=output)

    @property
    def conditional(self) -> bool:
        return not self.rank

    def as_sql(self, compiler, connection, **extra):
        (title, tp), (body, bp), (text, qp) = (compiler.compile(e) for e in self.source_expressions)
        vector = _pg_vector(title, body)
        query = f"websearch_to_tsquery('dutch'::regconfig, {text})"
        sql = f"ts_rank({vector}, {query})" if self.rank else f"({vector} @@ {query})"
        params = [*tp, *bp, *qp]
        return sql, params


class _Fts5(Func):
    """``match`` (rowid in the FTS5 hits) or ``rank`` (-bm25) of a document by its id."""

    def __init__(self, expression: str, *, rank: bool):
        self.rank = rank
        output = FloatField() if rank else BooleanField()
        super().__init__(F("id"), Value(expression), output_field=output)

    @property
    def conditional(self) -> bool:
        return not self.rank

    def as_sql(self, compiler, connection, **extra):
        (ident, ip), (query, qp) = (compiler.compile(e) for e in self.source_expressions)
        if self.rank:  # bm25 is lower for better matches
            sql = (
                f"(SELECT -bm25({FTS_TABLE}) FROM {FTS_TABLE} "
                f"WHERE {FTS_TABLE} MATCH {query} AND {FTS_TABLE}.rowid = {ident})"
            )
            return sql, [*qp, *ip]
        sql = f"({ident} IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH {query}))"
        return sql, [*ip, *qp]


class PostgresFullText:
    def store(self, document) -> None:
        """Nothing to do: the expression index follows the row."""

    def remove(self, document_id: int) -> None:
        """Nothing to do: the index entry goes with the row."""

    def match(self, queryset: QuerySet, text: str) -> QuerySet:
        return queryset.filter(_PgFullText(text, rank=False)).annotate(
            rank=_PgFullText(text, rank=True)
        )


class SqliteFullText:
    def store(self, document) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [document.pk])
            cursor.execute(
                f"INSERT INTO {FTS_TABLE} (rowid, title, body) VALUES (%s, %s, %s)",
                [document.pk, stem_text(document.title), stem_text(document.body)],
            )

    def remove(self, document_id: int) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [document_id])

    def match(self, queryset: QuerySet, text: str) -> QuerySet:
        expression = fts5_query(text)
        if not expression:
            return queryset.none()
        return queryset.filter(_Fts5(expression, rank=False)).annotate(
            rank=_Fts5(expression, rank=True)
        )


def fts5_query(text: str) -> str:
    """Every word must occur (as a stem); quoting keeps FTS5 syntax out of user input."""
    return " AND ".join(f'"{stem(word)}"' for word in words(text))


def full_text():
    """The full-text implementation of the database in use."""
    return PostgresFullText() if connection.vendor == "postgresql" else SqliteFullText()
