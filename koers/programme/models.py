"""The programme register: programme, themes (one per BAC), versioned goals, principles."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import get_language


def _in_language(obj, field: str) -> str:
    english = getattr(obj, f"{field}_en", "")
    return english if (get_language() or "nl").startswith("en") and english else getattr(obj, field)


class Programme(models.Model):
    """The Bestuursprogramma IPO 2023–2027."""

    code = models.SlugField(unique=True)
    name = models.CharField(max_length=200)
    name_en = models.CharField(max_length=200, blank=True)
    period_start = models.PositiveSmallIntegerField()
    period_end = models.PositiveSmallIntegerField()
    source_document = models.CharField(max_length=300, blank=True)
    source_sha256 = models.CharField(max_length=64, blank=True)
    imported_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        return _in_language(self, "name")


class Theme(models.Model):
    """A policy theme of chapter 2, worked out by one BAC (``2.1`` Klimaat en energie)."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="themes")
    number = models.CharField(max_length=10)
    slug = models.SlugField()
    name = models.CharField(max_length=200)
    name_en = models.CharField(max_length=200, blank=True)
    bac = models.CharField("BAC", max_length=200, blank=True)
    context = models.TextField(blank=True, help_text="Official text from the source document")

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="unique_theme_number")
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.name}"

    @property
    def label(self) -> str:
        return _in_language(self, "name")


class Goal(models.Model):
    """A strategic goal (``2.3.5``); its text lives in versions."""

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="goals")
    number = models.CharField(max_length=12)
    position = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200, help_text="One line in our own words")
    title_en = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["theme__number", "position"]
        constraints = [
            models.UniqueConstraint(fields=["theme", "number"], name="unique_goal_number")
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    @property
    def label(self) -> str:
        return _in_language(self, "title")

    @property
    def current(self) -> GoalVersion | None:
        return self.versions.order_by("-version").first()


class GoalVersion(models.Model):
    """One wording of a goal; adjustments (bijstellingen) add versions, never edit them."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveIntegerField()
    text = models.TextField()
    valid_from = models.DateField()
    reason = models.CharField(max_length=300)
    decision_reference = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ["goal", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["goal", "version"], name="unique_goal_version")
        ]

    def __str__(self) -> str:
        return f"{self.goal.number} v{self.version}"


class Principle(models.Model):
    """One of the three uitgangspunten."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="principles")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)
    title_en = models.CharField(max_length=300, blank=True)
    text = models.TextField(blank=True, help_text="Official text from the source document")

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def label(self) -> str:
        return _in_language(self, "title")


class CollaborationFunction(models.Model):
    """One of the four ways the provinces work together in IPO (chapter 1)."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="functions")
    code = models.SlugField()
    position = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=200)
    name_en = models.CharField(max_length=200, blank=True)
    summary = models.CharField(max_length=300, blank=True)
    summary_en = models.CharField(max_length=300, blank=True)
    text = models.TextField(blank=True, help_text="Official text from the source document")

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        return _in_language(self, "name")

    @property
    def summary_label(self) -> str:
        return _in_language(self, "summary")
