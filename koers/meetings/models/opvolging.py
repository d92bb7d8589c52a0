"""Each province's follow-up of a meeting: four steps, each with a date and evidence."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from koers.meetings.models.vergaderingen import Vergadering


class Stap(models.IntegerChoices):
    COLLEGE_VOORAF = 1, _("Vooraf besproken in het College")
    NAMENS_COLLEGE = 2, _("Namens het College gesproken")
    TERUGGEKOPPELD = 3, _("Uitkomst teruggekoppeld in het provinciehuis")
    PS_GEINFORMEERD = 4, _("Provinciale Staten geïnformeerd")


class OpvolgingStap(models.Model):
    """One step of one province for one meeting; only a recorded step has a row."""

    vergadering = models.ForeignKey(Vergadering, on_delete=models.CASCADE, related_name="opvolging")
    provincie = models.ForeignKey(
        "areas.Area", on_delete=models.PROTECT, limit_choices_to={"type": "provincie"}
    )
    stap = models.PositiveSmallIntegerField(_("stap"), choices=Stap.choices)
    datum = models.DateField(_("datum"))
    bewijs = models.CharField(
        _("bewijs"),
        max_length=300,
        help_text=_("Link naar of kenmerk van het GS-besluit of de Statenbrief"),
    )
    bijgewerkt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    bijgewerkt_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("opvolgingsstap")
        verbose_name_plural = _("opvolgingsstappen")
        ordering = ["vergadering", "provincie__code", "stap"]
        constraints = [
            models.UniqueConstraint(
                fields=["vergadering", "provincie", "stap"], name="meetings_opvolging_stap"
            )
        ]

    def __str__(self) -> str:
        return f"{self.vergadering} · {self.provincie.code} · {self.get_stap_display()}"
