"""The yearly progress report (voortgangsrapportage): every generation is a new version."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Report(models.Model):
    """One generated version of the report for a year; its files are kept, never rewritten."""

    year = models.PositiveSmallIntegerField()
    version = models.PositiveIntegerField()
    generated_at = models.DateTimeField(auto_now_add=True)
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    #: Counts of goals by progress status, for next year's "changes since last year".
    summary = models.JSONField(default=dict)
    html_sha256 = models.CharField(max_length=64)
    pdf_sha256 = models.CharField(max_length=64, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-year", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["year", "version"], name="report_unique_version")
        ]

    def __str__(self) -> str:
        return f"Voortgangsrapportage {self.year} v{self.version}"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None
