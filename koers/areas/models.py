"""Areas: the country, provinces, gebieden, RES regions and municipalities, in hierarchies."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class AreaType(models.TextChoices):
    LAND = "land", _("land")
    PROVINCIE = "provincie", _("provincie")
    GEBIED = "gebied", _("gebied")
    RES_REGIO = "res_regio", _("RES-regio")
    GEMEENTE = "gemeente", _("gemeente")
    UNALLOCATED = "unallocated", _("niet in te delen")


class Area(models.Model):
    """A place Koers reports on, keyed by its CBS-style code (``PV25``)."""

    code = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=200)
    name_en = models.CharField(max_length=200, blank=True)
    type = models.CharField(max_length=20, choices=AreaType.choices)
    cbs_code = models.CharField(max_length=20, blank=True)
    nuts2 = models.CharField(max_length=10, blank=True)
    tooi = models.URLField(blank=True)
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    geometry = models.JSONField(null=True, blank=True, help_text="GeoJSON geometry in WGS84")

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def display_name(self, language: str = "nl") -> str:
        return self.name_en if language == "en" and self.name_en else self.name


class AreaLink(models.Model):
    """One parent of an area within one hierarchy, for a period of validity."""

    child = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="parent_links")
    parent = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="child_links")
    hierarchy = models.CharField(max_length=40, default="bestuurlijk")
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["hierarchy", "child__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["child", "parent", "hierarchy", "valid_from"], name="unique_area_link"
            )
        ]

    def __str__(self) -> str:
        return f"{self.child.code} → {self.parent.code} ({self.hierarchy})"
