"""The indicator catalogue and targets: what is measured, how it adds up, where it comes from."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from koers.programme.models import _in_language


class Periodicity(models.TextChoices):
    YEAR = "year", _("jaar")
    HALF_YEAR = "half_year", _("halfjaar")
    QUARTER = "quarter", _("kwartaal")
    MONTH = "month", _("maand")
    FINANCIAL_YEAR = "financial_year", _("boekjaar (april–maart)")
    ACADEMIC_YEAR = "academic_year", _("schooljaar (september–augustus)")
    SCHADEJAAR = "schadejaar", _("schadejaar (november–oktober)")


class AreaRule(models.TextChoices):
    SUM = "sum", _("optellen")
    RATIO = "ratio", _("verhouding uit teller en noemer")
    WEIGHTED_MEAN = "weighted_mean", _("gewogen gemiddelde")
    NONE = "none", _("niet optellen")


class TimeRule(models.TextChoices):
    SUM = "sum", _("stroom: optellen")
    LAST = "last", _("voorraad: laatste periode")
    MEAN = "mean", _("gemiddelde")
    NONE = "none", _("niet samenvoegen")


class IndicatorStatus(models.TextChoices):
    ACTIVE = "active", _("actief")
    AWAITING_DATA = "awaiting_data", _("wacht op data")
    PEER = "peer", _("vergelijkingsdata")


class Indicator(models.Model):
    """A measured quantity with its unit, aggregation rules, breakdowns and source."""

    code = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200)
    name_en = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)
    description_en = models.TextField(blank=True)
    unit = models.CharField(max_length=40)
    unit_multiplier = models.SmallIntegerField(default=0, help_text="Power of ten (SDMX)")
    decimals = models.SmallIntegerField(default=0)
    value_type = models.CharField(max_length=20, default="decimal")
    periodicity = models.CharField(
        max_length=20, choices=Periodicity.choices, default=Periodicity.YEAR
    )
    area_rule = models.CharField(max_length=20, choices=AreaRule.choices, default=AreaRule.SUM)
    time_rule = models.CharField(max_length=20, choices=TimeRule.choices, default=TimeRule.SUM)
    numerator = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    denominator = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    weight = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    scale = models.FloatField(default=1, help_text="e.g. 1000 for 'per 1,000'")
    formula = models.CharField(max_length=300, blank=True)
    formula_stage = models.CharField(
        max_length=10, default="after", choices=[("after", "after"), ("before", "before")]
    )
    zero_significant = models.BooleanField(default=True)
    min_value = models.FloatField(null=True, blank=True)
    max_value = models.FloatField(null=True, blank=True)
    tolerance_abs = models.FloatField(null=True, blank=True)
    tolerance_rel = models.FloatField(null=True, blank=True)
    breakdowns = models.JSONField(
        default=dict, blank=True, help_text='{"Dimension": {"_T": "Totaal", "CODE": "name"}}'
    )
    source_producer = models.CharField(max_length=200, blank=True)
    source_table = models.CharField(max_length=100, blank=True)
    source_column = models.CharField(max_length=200, blank=True)
    method = models.TextField(blank=True)
    owner = models.CharField(max_length=200, blank=True)
    status = models.CharField(
        max_length=20, choices=IndicatorStatus.choices, default=IndicatorStatus.ACTIVE
    )
    goals = models.ManyToManyField("programme.Goal", blank=True, related_name="indicators")

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code

    @property
    def label(self) -> str:
        return _in_language(self, "name")

    @property
    def description_label(self) -> str:
        return _in_language(self, "description")


class Target(models.Model):
    """A target for an indicator in an area: from a baseline year to a target year."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT)
    goal = models.ForeignKey(
        "programme.Goal", null=True, blank=True, on_delete=models.SET_NULL, related_name="targets"
    )
    breakdown = models.CharField(max_length=200, default="_T")
    baseline_year = models.PositiveSmallIntegerField()
    target_value = models.FloatField(null=True, blank=True)
    target_year = models.PositiveSmallIntegerField()
    direction = models.SmallIntegerField(
        default=1, choices=[(1, _("hoger is beter")), (-1, _("lager is beter"))]
    )
    sign = models.SmallIntegerField(default=1)
    description = models.CharField(max_length=300, blank=True)
    # Where the target was committed to: a target without a verifiable source is not shipped.
    source_title = models.CharField(max_length=300, blank=True)
    source_url = models.URLField(max_length=500, blank=True)
    source_date = models.DateField(null=True, blank=True)
    source_note = models.TextField(blank=True)

    class Meta:
        ordering = ["indicator__code", "area__code", "target_year"]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.area.code} → {self.target_value} in {self.target_year}"
