"""Joint positions (versioned, never overwritten) and lobby dossiers with their timeline."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from koers.meetings.models.documenten import Informatieobject
from koers.meetings.models.vergaderingen import Besluit, Vergadering


class StandpuntStatus(models.TextChoices):
    CONCEPT = "concept", _("concept")
    VASTGESTELD = "vastgesteld", _("vastgesteld")
    INGETROKKEN = "ingetrokken", _("ingetrokken")


class Arena(models.TextChoices):
    DEN_HAAG = "den_haag", _("Den Haag")
    BRUSSEL = "brussel", _("Brussel")


class Standpunt(models.Model):
    """The identity of a joint position; what it says lives in its versions."""

    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("standpunt")
        verbose_name_plural = _("standpunten")
        ordering = ["-aangemaakt_op"]

    def __str__(self) -> str:
        current = self.huidige_versie
        return current.titel if current else f"standpunt {self.pk}"

    @property
    def huidige_versie(self) -> StandpuntVersie | None:
        return self.versies.order_by("-versie").first()


class StandpuntVersie(models.Model):
    """One version of a position: a change is a new row, the old one stays as it was."""

    standpunt = models.ForeignKey(Standpunt, on_delete=models.CASCADE, related_name="versies")
    versie = models.PositiveIntegerField()
    titel = models.CharField(_("titel"), max_length=200)
    tekst = models.TextField(_("tekst"))
    status = models.CharField(
        _("status"), max_length=20, choices=StandpuntStatus.choices, default=StandpuntStatus.CONCEPT
    )
    arena = models.CharField(_("arena"), max_length=20, choices=Arena.choices)
    geadresseerden = models.CharField(
        _("geadresseerden"),
        max_length=300,
        help_text=_("Bijvoorbeeld een ministerie, de Tweede Kamer of een EU-instelling"),
    )
    vergadering = models.ForeignKey(
        Vergadering,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="standpuntversies",
    )
    besluit = models.ForeignKey(
        Besluit, null=True, blank=True, on_delete=models.PROTECT, related_name="standpuntversies"
    )
    doelen = models.ManyToManyField("programme.Goal", blank=True, related_name="standpuntversies")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("versie van een standpunt")
        verbose_name_plural = _("versies van standpunten")
        ordering = ["standpunt", "-versie"]
        constraints = [
            models.UniqueConstraint(
                fields=["standpunt", "versie"], name="meetings_standpunt_versie"
            )
        ]

    def __str__(self) -> str:
        return f"{self.titel} (v{self.versie}, {self.get_status_display()})"


class LobbyDossier(models.Model):
    """One subject followed over time, in Den Haag or Brussel."""

    titel = models.CharField(_("titel"), max_length=200)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    arena = models.CharField(_("arena"), max_length=20, choices=Arena.choices)
    doelen = models.ManyToManyField("programme.Goal", blank=True, related_name="lobbydossiers")

    class Meta:
        verbose_name = _("lobbydossier")
        verbose_name_plural = _("lobbydossiers")
        ordering = ["titel"]

    def __str__(self) -> str:
        return self.titel


class ActieSoort(models.TextChoices):
    BRIEF = "brief", _("brief")
    OVERLEG = "overleg", _("overleg")
    CONSULTATIEREACTIE = "consultatiereactie", _("consultatiereactie")
    POSITION_PAPER = "position_paper", _("position paper")
    TECHNISCHE_BRIEFING = "technische_briefing", _("technische briefing")


class DossierActie(models.Model):
    """A step on a dossier's timeline, with its documents and the positions it carried."""

    dossier = models.ForeignKey(LobbyDossier, on_delete=models.CASCADE, related_name="acties")
    datum = models.DateField(_("datum"))
    soort = models.CharField(_("soort"), max_length=30, choices=ActieSoort.choices)
    omschrijving = models.CharField(_("omschrijving"), max_length=300)
    documenten = models.ManyToManyField(Informatieobject, blank=True, related_name="dossieracties")
    standpunten = models.ManyToManyField(Standpunt, blank=True, related_name="dossieracties")

    class Meta:
        verbose_name = _("actie in een lobbydossier")
        verbose_name_plural = _("acties in lobbydossiers")
        ordering = ["dossier", "datum", "pk"]

    def __str__(self) -> str:
        return f"{self.datum} {self.get_soort_display()}: {self.omschrijving}"


class Kanaal(models.TextChoices):
    STATENBRIEF = "statenbrief", _("Statenbrief")
    PERSBERICHT = "persbericht", _("persbericht")
    NIEUWSBRIEF = "nieuwsbrief", _("nieuwsbrief")
    WEBSITE = "website", _("website")
    SOCIALE_MEDIA = "sociale_media", _("sociale media")
    OVERLEG = "overleg", _("overleg of werkbezoek")


class Communicatie(models.Model):
    """How a province carried a joint position out: date, channel, province and link."""

    standpunt = models.ForeignKey(Standpunt, on_delete=models.CASCADE, related_name="communicaties")
    provincie = models.ForeignKey(
        "areas.Area", on_delete=models.PROTECT, limit_choices_to={"type": "provincie"}
    )
    datum = models.DateField(_("datum"))
    kanaal = models.CharField(_("kanaal"), max_length=20, choices=Kanaal.choices)
    link = models.CharField(_("link of kenmerk"), max_length=300)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("communicatie over een standpunt")
        verbose_name_plural = _("communicatie over standpunten")
        ordering = ["standpunt", "-datum", "pk"]

    def __str__(self) -> str:
        return f"{self.datum} {self.provincie.code} {self.get_kanaal_display()}"
