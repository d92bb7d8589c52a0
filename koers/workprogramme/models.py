"""Work programmes (werkprogramma's): per BAC theme and year, the activities that carry the
goals, with their planning, status and means (money in Decimal euros, capacity in FTE)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

EUROS = {"max_digits": 14, "decimal_places": 2}
FTE = {"max_digits": 7, "decimal_places": 2}
NOT_NEGATIVE = [MinValueValidator(Decimal("0"))]


class WorkProgramme(models.Model):
    """The werkprogramma of one BAC (theme) for one year."""

    theme = models.ForeignKey(
        "programme.Theme", on_delete=models.PROTECT, related_name="work_programmes"
    )
    year = models.PositiveSmallIntegerField(_("jaar"))
    title = models.CharField(_("titel"), max_length=200, blank=True)
    is_example = models.BooleanField(
        _("voorbeeldgegevens"), default=False, help_text="Loaded by `koers voorbeeld laden`"
    )

    class Meta:
        verbose_name = _("werkprogramma")
        verbose_name_plural = _("werkprogramma's")
        ordering = ["theme__number", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["theme", "year"], name="unique_work_programme")
        ]

    def __str__(self) -> str:
        return f"{self.theme.number} {self.year}"


class ActivityStatus(models.TextChoices):
    GEPLAND = "gepland", _("gepland")
    LOPEND = "lopend", _("lopend")
    AFGEROND = "afgerond", _("afgerond")
    VERTRAAGD = "vertraagd", _("vertraagd")
    GESTOPT = "gestopt", _("gestopt")


#: A status that needs a reason (the issue: "with a reason when vertraagd or gestopt").
NEEDS_REASON = frozenset({ActivityStatus.VERTRAAGD, ActivityStatus.GESTOPT})
#: Statuses in which an activity no longer runs, so it cannot be late.
FINISHED = frozenset({ActivityStatus.AFGEROND, ActivityStatus.GESTOPT})


class Activity(models.Model):
    """An activity (werkzaamheid) of a work programme, serving one or more goals."""

    work_programme = models.ForeignKey(
        WorkProgramme, on_delete=models.CASCADE, related_name="activities"
    )
    code = models.CharField(
        _("code"), max_length=20, help_text="Stable key within the work programme, e.g. A1"
    )
    title = models.CharField(_("titel"), max_length=300)
    description = models.TextField(_("omschrijving"), blank=True)
    goals = models.ManyToManyField("programme.Goal", related_name="activities")
    indicators = models.ManyToManyField(
        "indicators.Indicator", blank=True, related_name="activities"
    )
    lead_province = models.ForeignKey(
        "areas.Area",
        on_delete=models.PROTECT,
        related_name="led_activities",
        limit_choices_to={"type": "provincie"},
        verbose_name=_("trekker"),
    )
    participating_provinces = models.ManyToManyField(
        "areas.Area",
        blank=True,
        related_name="participating_activities",
        limit_choices_to={"type": "provincie"},
        verbose_name=_("deelnemende provincies"),
    )
    contact = models.CharField(_("contactpersoon IPO/BIJ12"), max_length=200, blank=True)
    start = models.DateField(_("start"))
    end = models.DateField(_("einde"))
    status = models.CharField(
        _("status"), max_length=12, choices=ActivityStatus.choices, default=ActivityStatus.GEPLAND
    )
    status_reason = models.CharField(_("reden van de status"), max_length=500, blank=True)
    ipo_budget = models.DecimalField(
        _("IPO-budget gepland (euro)"), default=Decimal("0"), validators=NOT_NEGATIVE, **EUROS
    )
    ipo_budget_realised = models.DecimalField(
        _("IPO-budget gerealiseerd (euro)"),
        null=True,
        blank=True,
        validators=NOT_NEGATIVE,
        **EUROS,
    )
    fte = models.DecimalField(
        _("capaciteit gepland (fte)"), default=Decimal("0"), validators=NOT_NEGATIVE, **FTE
    )
    fte_realised = models.DecimalField(
        _("capaciteit gerealiseerd (fte)"), null=True, blank=True, validators=NOT_NEGATIVE, **FTE
    )
    risks = models.TextField(_("risico's"), blank=True)
    is_example = models.BooleanField(_("voorbeeldgegevens"), default=False)

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        ordering = ["work_programme", "start", "code"]
        constraints = [
            models.UniqueConstraint(fields=["work_programme", "code"], name="unique_activity_code"),
            models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="activity_end"),
            models.CheckConstraint(
                condition=~Q(status__in=sorted(NEEDS_REASON)) | ~Q(status_reason=""),
                name="activity_status_reason",
            ),
            models.CheckConstraint(
                condition=Q(ipo_budget__gte=0) & Q(fte__gte=0), name="activity_means"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def clean(self) -> None:
        problems = {}
        if self.start and self.end and self.end < self.start:
            problems["end"] = _("Het einde ligt voor de start.")
        if self.status in NEEDS_REASON and not self.status_reason.strip():
            problems["status_reason"] = _("Geef een reden bij de status vertraagd of gestopt.")
        if problems:
            raise ValidationError(problems)

    def is_late(self, today: datetime.date) -> bool:
        """Delayed, or past its end without being finished or stopped."""
        if self.status == ActivityStatus.VERTRAAGD:
            return True
        return self.status not in FINISHED and self.end < today


class Milestone(models.Model):
    """A dated milestone (mijlpaal) in an activity's planning."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("titel"), max_length=300)
    date = models.DateField(_("datum"))
    done = models.BooleanField(_("behaald"), default=False)

    class Meta:
        verbose_name = _("mijlpaal")
        verbose_name_plural = _("mijlpalen")
        ordering = ["activity", "date", "pk"]

    def __str__(self) -> str:
        return f"{self.date} {self.title}"


class ProvincialContribution(models.Model):
    """What one province puts into an activity, in euros (provinciale bijdrage)."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="contributions")
    province = models.ForeignKey(
        "areas.Area",
        on_delete=models.PROTECT,
        related_name="activity_contributions",
        limit_choices_to={"type": "provincie"},
    )
    amount = models.DecimalField(_("bedrag (euro)"), validators=NOT_NEGATIVE, **EUROS)

    class Meta:
        verbose_name = _("provinciale bijdrage")
        verbose_name_plural = _("provinciale bijdragen")
        ordering = ["activity", "province__code"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "province"], name="unique_contribution"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="contribution_amount"),
        ]

    def __str__(self) -> str:
        return f"{self.province.code}: € {self.amount}"
