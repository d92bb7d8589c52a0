"""Roles: who may do what, for which province or theme."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PROGRAMME_OFFICE = "programme_office", _("programmabureau")
    THEME_LEAD = "theme_lead", _("themasecretaris (BAC)")
    PROVINCE_STEWARD = "province_steward", _("datasteward provincie")
    ANALYST = "analyst", _("analist")
    READER = "reader", _("lezer")


class RoleAssignment(models.Model):
    """A role for one user; stewards carry a province, theme leads one or more themes."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="roles"
    )
    role = models.CharField(max_length=30, choices=Role.choices)
    province = models.ForeignKey(
        "areas.Area",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        limit_choices_to={"type": "provincie"},
    )
    themes = models.ManyToManyField("programme.Theme", blank=True)

    class Meta:
        ordering = ["user__username", "role"]

    def __str__(self) -> str:
        scope = self.province.code if self.province_id else ""
        return f"{self.user} · {self.get_role_display()} {scope}".strip()
