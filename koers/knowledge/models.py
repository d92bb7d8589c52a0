"""Leren door te doen: practices and lessons (praktijkvoorbeelden) and knowledge questions.

A practice is versioned like a joint position: every change is a new version and the old
ones stay. A version goes from concept to review by the theme lead to published. People
are shown by role and province; a personal name only with recorded consent.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

LICENCE = "CC-BY-4.0"


class PracticeStatus(models.TextChoices):
    CONCEPT = "concept", _("concept")
    REVIEW = "ter_beoordeling", _("ter beoordeling")
    PUBLISHED = "gepubliceerd", _("gepubliceerd")
    WITHDRAWN = "ingetrokken", _("ingetrokken")


class Practice(models.Model):
    """A practice or lesson, identified across its versions."""

    theme = models.ForeignKey(
        "programme.Theme", on_delete=models.PROTECT, related_name="practices",
        help_text="The theme whose lead reviews and publishes it.",
    )  # fmt: skip
    lead_province = models.ForeignKey(
        "areas.Area", on_delete=models.PROTECT, related_name="led_practices",
        limit_choices_to={"type": "provincie"},
    )  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-pk"]

    def __str__(self) -> str:
        latest = self.latest
        return latest.title if latest else f"praktijkvoorbeeld {self.pk}"

    @property
    def latest(self) -> PracticeVersion | None:
        return self.versions.order_by("-number").first()

    @property
    def published(self) -> PracticeVersion | None:
        """The latest published version, as the public sees it (None when there is none)."""
        latest = self.latest
        if latest is not None and latest.status == PracticeStatus.WITHDRAWN:
            return None
        return self.versions.filter(status=PracticeStatus.PUBLISHED).order_by("-number").first()


class PracticeVersion(models.Model):
    """One version: what was tried, where and when, what worked and what did not."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    status = models.CharField(
        max_length=20, choices=PracticeStatus.choices, default=PracticeStatus.CONCEPT
    )
    title = models.CharField(max_length=200)
    tried = models.TextField(help_text="What was tried.")
    place = models.CharField(max_length=200, help_text="Where, in words.")
    started = models.DateField(null=True, blank=True)
    ended = models.DateField(null=True, blank=True)
    worked = models.TextField(blank=True)
    did_not_work = models.TextField(blank=True)
    #: [{"role": "...", "province": "PV25", "name": "...", "consent": true}]
    contacts = models.JSONField(default=list, blank=True)
    links = models.JSONField(default=list, blank=True)
    goals = models.ManyToManyField("programme.Goal", blank=True, related_name="practice_versions")
    areas = models.ManyToManyField("areas.Area", blank=True, related_name="practice_versions")
    documents = models.ManyToManyField(
        "meetings.Informatieobject", blank=True, related_name="practice_versions"
    )
    licence = models.CharField(max_length=40, default=LICENCE)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["practice", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "number"], name="knowledge_practice_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} (versie {self.number})"

    def shown_contacts(self) -> list[dict]:
        """Contacts as the public sees them: role and province; a name only with consent."""
        return [
            {
                "role": c.get("role", ""),
                "province": c.get("province", ""),
                "name": c.get("name", "") if c.get("consent") else "",
            }
            for c in self.contacts
        ]

    def contacts_for_page(self) -> list[dict]:
        """:meth:`shown_contacts` with the province's name instead of its code."""
        from koers.areas.models import Area

        names = dict(Area.objects.filter(type="provincie").values_list("code", "name"))
        return [
            {**c, "province": names.get(c["province"], c["province"])}
            for c in self.shown_contacts()
        ]


class QuestionStatus(models.TextChoices):
    OPEN = "open", _("open")
    RESEARCH = "in_onderzoek", _("in onderzoek")
    ANSWERED = "beantwoord", _("beantwoord")


class KnowledgeQuestion(models.Model):
    """A question on a theme's knowledge agenda, and what answers it."""

    theme = models.ForeignKey(
        "programme.Theme", on_delete=models.PROTECT, related_name="knowledge_questions"
    )
    question = models.CharField(max_length=300)
    explanation = models.TextField(blank=True)
    asked_by = models.CharField(max_length=200, help_text="Who asked: a BAC, a province, …")
    status = models.CharField(
        max_length=20, choices=QuestionStatus.choices, default=QuestionStatus.OPEN
    )
    answer = models.TextField(blank=True)
    practices = models.ManyToManyField(Practice, blank=True, related_name="questions")
    documents = models.ManyToManyField(
        "meetings.Informatieobject", blank=True, related_name="knowledge_questions"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["theme__number", "status", "question"]

    def __str__(self) -> str:
        return self.question
