"""The bodies of IPO, created once from the programme's themes (one BAC per theme)."""

from __future__ import annotations

from django.db import transaction

from koers.meetings.models import Gremium, GremiumSoort
from koers.programme.models import Theme

FIXED = (
    ("ipo-best", "IPO-bestuur", GremiumSoort.IPO_BESTUUR),
    ("alv", "Algemene Ledenvergadering", GremiumSoort.ALV),
    ("huis", "Huis van de Nederlandse Provincies", GremiumSoort.HUIS),
)


@transaction.atomic
def load_gremia() -> int:
    """Create the fixed bodies and a BAC per theme where missing; returns how many exist."""
    for code, naam, soort in FIXED:
        Gremium.objects.get_or_create(code=code, defaults={"naam": naam, "soort": soort})
    for theme in Theme.objects.exclude(bac=""):
        Gremium.objects.get_or_create(
            code=f"bac-{theme.number.replace('.', '-')}"[:10],
            defaults={"naam": theme.bac, "soort": GremiumSoort.BAC, "thema": theme},
        )
    return Gremium.objects.count()
