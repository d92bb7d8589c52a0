"""The search index: one row per indexed document, its facets beside it.

The full-text part lives next to these tables and is database-specific (see backends.py):
a GIN expression index with Dutch stemming on PostgreSQL, an FTS5 table on SQLite.
"""

from __future__ import annotations

from django.db import models


class SearchDocument(models.Model):
    """Anything findable: a meeting, an agenda item, a position, the text of a document."""

    kind = models.SlugField(max_length=40)
    key = models.CharField(max_length=100, help_text="Identifier of the source within its kind")
    title = models.CharField(max_length=500)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)
    #: Only public documents are found by visitors; the rest only by signed-in users.
    public = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="search_unique_key")]
        ordering = ["title"]

    def __str__(self) -> str:
        return f"{self.kind}:{self.key} {self.title}"


class SearchFacet(models.Model):
    """One facet value of a document (gremium, theme, goal, year, kind …)."""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="facets")
    name = models.SlugField(max_length=40)
    value = models.CharField(max_length=100)
    label = models.CharField(max_length=200)

    class Meta:
        indexes = [models.Index(fields=["name", "value"], name="search_facet_value")]
        ordering = ["name", "label"]

    def __str__(self) -> str:
        return f"{self.name}={self.value}"
