"""The yearly review (jaarlijkse toets): a round per budget year, an assessment and a
proposal per goal, and the IPO-bestuur's adoption of the round."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RoundState(models.TextChoices):
    OPEN = "open", _("open")
    IN_TREATMENT = "in_behandeling", _("in behandeling")
    ADOPTED = "vastgesteld", _("vastgesteld")


class ReviewRound(models.Model):
    """One yearly review, named after the budget it feeds ("Begroting 2027")."""

    budget_year = models.PositiveSmallIntegerField(unique=True)
    title = models.CharField(max_length=200)
    state = models.CharField(max_length=20, choices=RoundState.choices, default=RoundState.OPEN)
    opened_at = models.DateTimeField(auto_now_add=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The IPO-bestuur's decision; set when the round is adopted (vastgesteld).
    decision_date = models.DateField(null=True, blank=True)
    budget_reference = models.CharField(max_length=200, blank=True)
    #: Why the round was adopted while goals lacked an assessment (programme office).
    missing_reason = models.TextField(blank=True)
    adopted_at = models.DateTimeField(null=True, blank=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-budget_year"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_adopted(self) -> bool:
        return self.state == RoundState.ADOPTED


class Assessment(models.Model):
    """The theme lead's assessment of one goal in one round."""

    round = models.ForeignKey(ReviewRound, on_delete=models.CASCADE, related_name="assessments")
    goal = models.ForeignKey("programme.Goal", on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["goal__theme__number", "goal__position"]
        constraints = [
            models.UniqueConstraint(fields=["round", "goal"], name="review_one_assessment_per_goal")
        ]

    def __str__(self) -> str:
        return f"{self.round} · {self.goal.number}"


class ProposalKind(models.TextChoices):
    KEEP = "handhaven", _("handhaven")
    ADJUST_TEXT = "tekst_bijstellen", _("tekst bijstellen")
    ADJUST_TARGET = "streefwaarde_bijstellen", _("streefwaarde bijstellen")
    END = "beeindigen", _("doel beëindigen")


class Proposal(models.Model):
    """What the round proposes for one goal; adoption turns it into a goal version or a new
    target value, effective from the decision's date. The previous values stay here."""

    round = models.ForeignKey(ReviewRound, on_delete=models.CASCADE, related_name="proposals")
    goal = models.ForeignKey("programme.Goal", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=30, choices=ProposalKind.choices)
    reason = models.TextField()
    new_text = models.TextField(blank=True)
    target = models.ForeignKey(
        "indicators.Target", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    new_target_value = models.FloatField(null=True, blank=True)
    new_target_year = models.PositiveSmallIntegerField(null=True, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    # Filled in at adoption: what the decision changed, so the old state stays readable.
    goal_version = models.ForeignKey(
        "programme.GoalVersion", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    previous_text = models.TextField(blank=True)
    previous_target_value = models.FloatField(null=True, blank=True)
    previous_target_year = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["goal__theme__number", "goal__position"]
        constraints = [
            models.UniqueConstraint(fields=["round", "goal"], name="review_one_proposal_per_goal")
        ]

    def __str__(self) -> str:
        return f"{self.round} · {self.goal.number}: {self.get_kind_display()}"

    @property
    def changes_something(self) -> bool:
        return self.kind != ProposalKind.KEEP
