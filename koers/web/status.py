"""How a progress status looks: colour class, icon and label (never colour alone)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from koers.engine import progress as engine

NO_TARGET = "no_target"
NO_DATA = "no_data"

#: worst first: a goal shows the worst status among its targets that have data
SEVERITY = (
    engine.DETERIORATION,
    engine.LIMITED,
    engine.MODERATE,
    engine.SUBSTANTIAL,
    engine.TARGET_ACHIEVED,
)


@dataclass(frozen=True)
class StatusStyle:
    code: str
    tone: str  # CSS modifier: good, fair, limited, bad, none
    icon: str  # name of the icon in web/includes/status_icon.html
    label: str | Promise


STYLES = {
    engine.TARGET_ACHIEVED: StatusStyle(engine.TARGET_ACHIEVED, "good", "check", _("doel bereikt")),
    engine.SUBSTANTIAL: StatusStyle(engine.SUBSTANTIAL, "good", "up", _("goed op koers")),
    engine.MODERATE: StatusStyle(engine.MODERATE, "fair", "up-right", _("redelijk op koers")),
    engine.LIMITED: StatusStyle(engine.LIMITED, "limited", "right", _("beperkte voortgang")),
    engine.DETERIORATION: StatusStyle(engine.DETERIORATION, "bad", "down", _("verslechtering")),
    engine.NOT_AVAILABLE: StatusStyle(engine.NOT_AVAILABLE, "none", "dash", _("niet te bepalen")),
    NO_DATA: StatusStyle(NO_DATA, "none", "dash", _("geen data")),
    NO_TARGET: StatusStyle(NO_TARGET, "none", "circle", _("geen doel vastgesteld")),
}


def status_style(code: str) -> StatusStyle:
    return STYLES.get(code, STYLES[engine.NOT_AVAILABLE])


def worst(statuses: list[str]) -> str:
    """The status a goal shows: the worst measured one, else 'no data', else 'no target'."""
    if not statuses:
        return NO_TARGET
    measured = [s for s in statuses if s in SEVERITY]
    if not measured:
        return NO_DATA
    return min(measured, key=SEVERITY.index)
