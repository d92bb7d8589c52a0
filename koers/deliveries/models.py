"""Deliveries (aanleveringen), their kept original files, and versioned observations."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from koers.deliveries.query import DeliveryQuerySet


class StoredFile(models.Model):
    """An original file exactly as received, addressed by its sha256."""

    sha256 = models.CharField(max_length=64, unique=True)
    name = models.CharField(max_length=300)
    size = models.BigIntegerField()
    received_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.sha256[:12]})"


class DeliveryStatus(models.TextChoices):
    RECEIVED = "received", _("ontvangen")
    VALIDATED = "validated", _("gevalideerd")
    REJECTED = "rejected", _("afgewezen")
    SUBMITTED = "submitted", _("ingediend")
    APPROVED = "approved", _("goedgekeurd")
    PUBLISHED = "published", _("gepubliceerd")
    WITHDRAWN = "withdrawn", _("ingetrokken")
    FAILED = "failed", _("mislukt")


class Channel(models.TextChoices):
    UI = "ui", _("website")
    API = "api", _("API")
    CLI = "cli", _("opdrachtregel")


class Delivery(models.Model):
    """One submitted file: its validation report, counts and place in the workflow."""

    file = models.ForeignKey(StoredFile, on_delete=models.PROTECT, related_name="deliveries")
    mapping_name = models.CharField(max_length=200, blank=True)
    mapping_text = models.TextField(blank=True)
    province = models.ForeignKey(
        "areas.Area", null=True, blank=True, on_delete=models.PROTECT, related_name="deliveries"
    )
    channel = models.CharField(max_length=10, choices=Channel.choices)
    status = models.CharField(
        max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.RECEIVED
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    received_at = models.DateTimeField(auto_now_add=True)
    rows = models.PositiveIntegerField(default=0)
    observations_created = models.PositiveIntegerField(default=0)
    observations_superseded = models.PositiveIntegerField(default=0)
    report = models.JSONField(default=dict, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    # The lease of the process importing a `received` delivery (see recovery.py).
    worker_pid = models.PositiveIntegerField(null=True, blank=True)
    worker_host = models.CharField(max_length=255, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    # Published-state generations (PublicationCounter): the one its import read, and the
    # one its last publication or withdrawal made. See staleness.py.
    read_generation = models.PositiveBigIntegerField(null=True, blank=True)
    changed_generation = models.PositiveBigIntegerField(null=True, blank=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name_plural = "deliveries"

    def __str__(self) -> str:
        return f"#{self.pk} {self.file.name} ({self.status})"


class PublicationCounter(models.Model):
    """One row: bumped by every publication and withdrawal of a published delivery.

    The row lock orders publications by commit, so an import that read generation g has
    seen every change up to g and none after it.
    """

    generation = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"generation {self.generation}"


class Coverage(models.Model):
    """An (indicator, area) pair a delivery's file covered, changed values or not.

    Two pending deliveries sharing a pair compete; publishing one makes the other stale.
    """

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="coverage")
    indicator = models.ForeignKey("indicators.Indicator", on_delete=models.CASCADE, db_index=False)
    area = models.ForeignKey("areas.Area", on_delete=models.CASCADE, db_index=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["delivery", "indicator", "area"], name="unique_delivery_coverage"
            )
        ]
        indexes = [models.Index(fields=["indicator", "area"], name="coverage_pair")]

    def __str__(self) -> str:
        return f"#{self.delivery_id}: {self.indicator_id}/{self.area_id}"


class Transition(models.Model):
    """A step of a delivery through the workflow, with who and when."""

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    at = models.DateTimeField(auto_now_add=True)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status or '-'} → {self.to_status}"


class ValueKind(models.TextChoices):
    REALISATION = "realisation", _("realisatie")
    TARGET = "target", _("streefwaarde")
    FORECAST = "forecast", _("prognose")


class ObservationStatus(models.TextChoices):
    NORMAL = "normal", _("normaal")
    ESTIMATED = "estimated", _("geschat")
    PROVISIONAL = "provisional", _("voorlopig")
    MISSING = "missing", _("ontbrekend")
    CONFIDENTIAL = "confidential", _("vertrouwelijk")


class Observation(models.Model):
    """One version of one value; corrections add versions and never overwrite."""

    # The unique key below starts with indicator and covers its lookups; fewer indexes
    # keep bulk imports fast.
    indicator = models.ForeignKey("indicators.Indicator", on_delete=models.PROTECT, db_index=False)
    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, db_index=False)
    period = models.CharField(max_length=12)
    breakdown = models.CharField(max_length=200, default="_T")
    value_kind = models.CharField(max_length=12, choices=ValueKind.choices)
    value = models.FloatField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=ObservationStatus.choices)
    version = models.PositiveIntegerField()
    delivery = models.ForeignKey(Delivery, on_delete=models.PROTECT, related_name="observations")
    source_row = models.PositiveIntegerField()
    source_column = models.CharField(max_length=200, blank=True)
    recorded_at = models.DateTimeField()
    superseded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "area", "period", "breakdown", "value_kind", "version"],
                name="unique_observation_version",
            )
        ]

    def __str__(self) -> str:
        return (
            f"{self.indicator_id}/{self.area_id}/{self.period}/{self.breakdown}"
            f"/{self.value_kind} v{self.version}"
        )
