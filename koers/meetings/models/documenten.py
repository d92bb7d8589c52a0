"""Meeting documents: stored once by SHA-256 (the delivery file store), text kept for search."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Informatieobjecttype(models.TextChoices):
    """The ODS 2.0 values of ``informatieobjecttype``."""

    VRAAG = "vraag", _("vraag")
    ANTWOORD = "antwoord", _("antwoord")
    MOTIE = "motie", _("motie")
    BESLUITVORMINGSSTUK = "besluitvormingsstuk", _("besluitvormingsstuk")
    INGEKOMEN_STUK = "ingekomen_stuk", _("ingekomen stuk")
    TOEZEGGING = "toezegging", _("toezegging")
    MEDEDELING = "mededeling", _("mededeling")
    AMENDEMENT = "amendement", _("amendement")
    VOORSTEL = "voorstel", _("voorstel")


class Informatiecategorie(models.TextChoices):
    """The Woo information categories (art. 3.3 lid 2) meeting documents are published in."""

    VERGADERSTUKKEN = "vergaderstukken", _("vergaderstukken decentrale overheden (art. 3.3.2c Woo)")
    AGENDAS_BESLUITENLIJSTEN = (
        "agendas_besluitenlijsten",
        _("agenda's en besluitenlijsten bestuurscolleges (art. 3.3.2d Woo)"),
    )
    ADVIEZEN = "adviezen", _("adviezen (art. 3.3.2e Woo)")


class Informatieobject(models.Model):
    """A document of a meeting, an agenda item or a lobby action."""

    bestand = models.ForeignKey(
        "deliveries.StoredFile", on_delete=models.PROTECT, related_name="informatieobjecten"
    )
    titel = models.CharField(_("titel"), max_length=200)
    informatieobjecttype = models.CharField(
        _("soort document"),
        max_length=30,
        choices=Informatieobjecttype.choices,
        default=Informatieobjecttype.BESLUITVORMINGSSTUK,
    )
    formaat = models.CharField(_("formaat"), max_length=100, blank=True)
    creatiedatum = models.DateField(_("creatiedatum"))
    #: Extracted for search; empty when the format has no readable text.
    tekst = models.TextField(blank=True)
    #: Public documents are downloadable and findable by anyone; others only when signed in.
    openbaar = models.BooleanField(_("openbaar"), default=False)
    informatiecategorie = models.CharField(
        _("Woo-informatiecategorie"),
        max_length=30,
        choices=Informatiecategorie.choices,
        default=Informatiecategorie.VERGADERSTUKKEN,
    )
    #: The province that publishes it; empty means IPO (KOERS_WOO_PUBLISHER).
    uitgever = models.ForeignKey(
        "areas.Area",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        limit_choices_to={"type": "provincie"},
        related_name="+",
        verbose_name=_("uitgever"),
    )
    gepubliceerd_op = models.DateTimeField(_("openbaar gemaakt op"), null=True, blank=True)
    toegevoegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    toegevoegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        ordering = ["titel"]

    def __str__(self) -> str:
        return self.titel
