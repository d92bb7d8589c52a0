"""Meetings, their agenda items and decisions, in the names of ODS Open Raads- en
Stateninformatie 2.0 (vergadering, agendapunt, besluit)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from koers.meetings.models.documenten import Informatieobject
from koers.meetings.models.gremia import Gremium


class VergaderingStatus(models.TextChoices):
    GEPLAND = "gepland", _("gepland")
    GEHOUDEN = "gehouden", _("gehouden")
    GEANNULEERD = "geannuleerd", _("geannuleerd")


class Vergadering(models.Model):
    gremium = models.ForeignKey(Gremium, on_delete=models.PROTECT, related_name="vergaderingen")
    datum = models.DateField(_("datum"))
    aanvang = models.TimeField(_("aanvang"), null=True, blank=True)
    locatie = models.CharField(_("locatie"), max_length=100, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=VergaderingStatus.choices,
        default=VergaderingStatus.GEPLAND,
    )
    toelichting = models.TextField(_("toelichting"), blank=True)
    #: Published meetings (with their agenda and decisions) are visible to everyone.
    openbaar = models.BooleanField(_("openbaar"), default=False)
    bijlagen = models.ManyToManyField(Informatieobject, blank=True, related_name="vergaderingen")
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("vergadering")
        verbose_name_plural = _("vergaderingen")
        ordering = ["-datum", "gremium__naam"]

    def __str__(self) -> str:
        return f"{self.gremium} {self.datum:%d-%m-%Y}"

    @property
    def naam(self) -> str:
        return str(self)


class AgendapuntSoort(models.TextChoices):
    BESLUITVORMEND = "besluitvormend", _("besluitvormend")
    INFORMEREND = "informerend", _("informerend")
    HAMERSTUK = "hamerstuk", _("hamerstuk")


class Agendapunt(models.Model):
    vergadering = models.ForeignKey(
        Vergadering, on_delete=models.CASCADE, related_name="agendapunten"
    )
    volgnummer = models.PositiveSmallIntegerField(_("volgnummer"))
    titel = models.CharField(_("titel"), max_length=100)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    soort = models.CharField(
        _("soort"),
        max_length=20,
        choices=AgendapuntSoort.choices,
        default=AgendapuntSoort.BESLUITVORMEND,
    )
    documenten = models.ManyToManyField(
        Informatieobject, blank=True, related_name="agendapunten", verbose_name=_("documenten")
    )
    doelen = models.ManyToManyField(
        "programme.Goal", blank=True, related_name="agendapunten", verbose_name=_("doelen")
    )
    themas = models.ManyToManyField(
        "programme.Theme", blank=True, related_name="agendapunten", verbose_name=_("thema's")
    )

    class Meta:
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")
        ordering = ["vergadering", "volgnummer"]
        constraints = [
            models.UniqueConstraint(
                fields=["vergadering", "volgnummer"], name="meetings_agendapunt_volgnummer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.volgnummer}. {self.titel}"


class BesluitResultaat(models.TextChoices):
    AANGENOMEN = "aangenomen", _("aangenomen")
    GEWIJZIGD_AANGENOMEN = "gewijzigd_aangenomen", _("gewijzigd aangenomen")
    VERWORPEN = "verworpen", _("verworpen")
    AANGEHOUDEN = "aangehouden", _("aangehouden")
    VOOR_KENNISGEVING = "voor_kennisgeving", _("voor kennisgeving aangenomen")


class Besluit(models.Model):
    """The decision taken on one agenda item."""

    agendapunt = models.OneToOneField(Agendapunt, on_delete=models.CASCADE, related_name="besluit")
    resultaat = models.CharField(_("resultaat"), max_length=30, choices=BesluitResultaat.choices)
    tekst = models.TextField(_("besluittekst"))

    class Meta:
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")
        ordering = ["agendapunt"]

    def __str__(self) -> str:
        return f"{self.agendapunt}: {self.get_resultaat_display()}"
