"""Claims for compensation (aanvragen tegemoetkoming faunaschade) and their steps.

A claim holds personal data (AVG): only BIJ12's claims handlers see claims; provinces and
the public see aggregates (koers/faunaschade/aggregates.py). After the retention period
the personal fields are blanked and only the figures remain (claims.remove_personal_data).
Money is Decimal euros with two decimals, never a float.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ClaimState(models.TextChoices):
    SUBMITTED = "ingediend", _("ingediend")
    TAXED = "getaxeerd", _("getaxeerd")
    DECIDED = "besloten", _("besloten")
    PAID = "betaald", _("betaald")
    OBJECTION = "bezwaar", _("in bezwaar")
    CLOSED = "afgehandeld", _("afgehandeld")


class Outcome(models.TextChoices):
    GRANTED = "toegekend", _("toegekend")
    REJECTED = "afgewezen", _("afgewezen")


class Claim(models.Model):
    """One application, from submission through taxation, decision, payment and objection."""

    province = models.ForeignKey(
        "areas.Area", on_delete=models.PROTECT, limit_choices_to={"type": "provincie"}
    )
    state = models.CharField(max_length=20, choices=ClaimState.choices, default="ingediend")
    # Personal data: blanked when the retention period has passed.
    applicant = models.CharField(max_length=200, blank=True)
    kvk = models.CharField(max_length=8, blank=True)
    iban = models.CharField(max_length=34, blank=True)
    personal_data_removed_at = models.DateTimeField(null=True, blank=True)
    professional = models.BooleanField(default=True)
    applied_on = models.DateField()
    noticed_on = models.DateField()
    fee_paid = models.DecimalField(max_digits=10, decimal_places=2, default=0)
    own_risk_minimum_charged = models.DecimalField(max_digits=10, decimal_places=2, default=0)
    exemption_possible = models.BooleanField(default=False)
    exemption_requested_on = models.DateField(null=True, blank=True)
    exemption_used_adequately = models.BooleanField(null=True, blank=True)
    # Taxation, decision, payment, objection: each with its date (actors in the audit log).
    taxed_on = models.DateField(null=True, blank=True)
    decided_on = models.DateField(null=True, blank=True)
    regime = models.CharField(max_length=40, blank=True)
    computed = models.JSONField(default=dict, blank=True, help_text="decide() as JSON")
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    payout = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    fee_refund = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    override_reason = models.TextField(blank=True)
    paid_on = models.DateField(null=True, blank=True)
    objection_filed_on = models.DateField(null=True, blank=True)
    objection_result = models.TextField(blank=True)
    closed_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-applied_on", "-pk"]

    def __str__(self) -> str:
        return f"aanvraag {self.pk} ({self.province_id}, {self.state})"

    @property
    def overridden(self) -> bool:
        return bool(self.override_reason)


class DamageItem(models.Model):
    """A parcel, crop and species with the assessor's taxed amount (schadepost)."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="items")
    parcel = models.CharField(max_length=200)
    crop = models.CharField(max_length=60)
    crop_category = models.CharField(max_length=20)
    species = models.CharField(max_length=40)
    hectares = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    damage_date = models.DateField()
    zones = models.JSONField(default=list, blank=True)
    prevention = models.JSONField(default=list, blank=True)
    by_product = models.BooleanField(default=False)
    taxed = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    #: The claim's payout shared over its eligible items in proportion to their taxed
    #: damage (the figures per species and crop add up to what was paid).
    paid = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:  # no parcel name: this string lands in the audit log
        return f"schadepost {self.pk}: {self.crop}, {self.species}"
