"""Gremia (the bodies of IPO) and their members per province."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class GremiumSoort(models.TextChoices):
    IPO_BESTUUR = "ipo_bestuur", _("IPO-bestuur")
    ALV = "alv", _("Algemene Ledenvergadering")
    BAC = "bac", _("Bestuurlijke Adviescommissie")
    AAC = "aac", _("Ambtelijke adviescommissie")
    HUIS = "huis", _("Huis van de Nederlandse Provincies")


class Gremium(models.Model):
    """A body that meets: the IPO board, the ALV, a BAC (one per theme), an AAC, the Huis."""

    code = models.SlugField(_("code"), max_length=10, unique=True)
    naam = models.CharField(_("naam"), max_length=100)
    soort = models.CharField(_("soort"), max_length=20, choices=GremiumSoort.choices)
    thema = models.ForeignKey(
        "programme.Theme",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="gremia",
        verbose_name=_("thema"),
    )
    #: The follow-up overview of this body is public only once the programme office says so.
    opvolging_openbaar = models.BooleanField(_("opvolging openbaar"), default=False)

    class Meta:
        verbose_name = _("gremium")
        verbose_name_plural = _("gremia")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Lid(models.Model):
    """A member: name, role and the province represented; nothing else is stored."""

    gremium = models.ForeignKey(Gremium, on_delete=models.CASCADE, related_name="leden")
    naam = models.CharField(_("naam"), max_length=200)
    rol = models.CharField(_("rol"), max_length=100)
    provincie = models.ForeignKey(
        "areas.Area",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        limit_choices_to={"type": "provincie"},
        verbose_name=_("provincie"),
    )

    class Meta:
        verbose_name = _("lid")
        verbose_name_plural = _("leden")
        ordering = ["gremium", "provincie__name", "naam"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.rol})"
