"""What a user can follow of a job, and how fresh each indicator's figures are."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class JobKind(models.TextChoices):
    IMPORT = "import", _("aanlevering verwerken")
    REFRESH = "refresh", _("cijfers bijwerken")
    OPEN_DATA = "open_data", _("open data klaarzetten")
    WITHDRAW = "withdraw", _("aanlevering intrekken")


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("in de wachtrij")
    RUNNING = "running", _("bezig")
    DONE = "done", _("klaar")
    FAILED = "failed", _("mislukt")


class Job(models.Model):
    """One piece of heavy work: its arguments, attempts, last error and outcome.

    The queue (django-tasks-db) runs it; this row is what pages, the API and the admin show.
    """

    kind = models.CharField(max_length=20, choices=JobKind.choices)
    arguments = models.JSONField(default=dict, blank=True)
    delivery = models.ForeignKey(
        "deliveries.Delivery", null=True, blank=True, on_delete=models.CASCADE, related_name="jobs"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        help_text=_("Wie de taak aanvroeg; het auditlog noemt deze persoon bij elke wijziging."),
    )  # fmt: skip
    #: how the request came in (token, command line …), for the audit entries the job makes
    audit = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    max_attempts = models.PositiveSmallIntegerField(default=3)
    error = models.TextField(blank=True, help_text=_("De laatste fout, leesbaar voor mensen."))
    #: host:pid of the process running it now, so a dead worker's jobs can be found
    worker = models.CharField(max_length=300, blank=True)
    #: the id of the queue entry (django-tasks-db) of the latest attempt
    task_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    result = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "kind"], name="job_status_kind")]
        verbose_name = _("taak")
        verbose_name_plural = _("taken")

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_kind_display()} ({self.get_status_display()})"

    @property
    def pending(self) -> bool:
        return self.status in {JobStatus.QUEUED, JobStatus.RUNNING}


class IndicatorFreshness(models.Model):
    """Which refresh wrote an indicator's figures, and whether the last one failed.

    Each refresh takes a ticket per indicator when it starts, before it reads the data;
    it may replace the figures only if no refresh with a later ticket already did, so an
    older result never overwrites a newer one. ``failed_at`` marks the figures stale.
    """

    indicator = models.CharField(max_length=100, unique=True)
    ticket = models.PositiveBigIntegerField(default=0, help_text=_("Laatst uitgegeven ticket."))
    written = models.PositiveBigIntegerField(
        default=0, help_text=_("Ticket van de refresh waarvan de cijfers nu in de store staan.")
    )
    failed_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("actualiteit van een indicator")
        verbose_name_plural = _("actualiteit van indicatoren")

    def __str__(self) -> str:
        return f"{self.indicator} (ticket {self.written}/{self.ticket})"
