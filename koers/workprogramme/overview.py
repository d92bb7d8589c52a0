"""Ambitions against means (uitgangspunt 3): per goal and per theme, what is planned (the
activities and the targets), with what (budget and FTE, planned and realised) and to what
effect (the engine's progress status), with the imbalances flagged.

The effect is passed in (the pages read it from ``koers.web.targets.goal_statuses``), so
this module holds only the balance rules, one place for the page, the CSV and the report.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from koers.programme.models import Goal
from koers.workprogramme.models import ActivityStatus
from koers.workprogramme.queries import ActivityRow, Means, activities_for_theme, means_of

AMBITION_WITHOUT_MEANS = "ambitie_zonder_middelen"
MEANS_WITHOUT_ACTIVITY = "middelen_zonder_activiteit"
RUNNING_LATE = "activiteiten_lopen_uit"

FLAG_LABELS = {
    AMBITION_WITHOUT_MEANS: _("ambitie zonder middelen"),
    MEANS_WITHOUT_ACTIVITY: _("middelen zonder activiteit"),
    RUNNING_LATE: _("activiteiten lopen uit"),
}
FLAG_EXPLANATIONS = {
    AMBITION_WITHOUT_MEANS: _(
        "Voor dit doel is in dit jaar geen IPO-budget, geen capaciteit en geen provinciale "
        "bijdrage gepland."
    ),
    MEANS_WITHOUT_ACTIVITY: _(
        "Er zijn middelen gepland voor activiteiten die niet (meer) lopen: gestopt, of nog "
        "gepland terwijl hun startdatum voorbij is."
    ),
    RUNNING_LATE: _(
        "Een of meer activiteiten zijn vertraagd of voorbij hun einddatum zonder afgerond te zijn."
    ),
}


@dataclass(frozen=True)
class Effect:
    """The engine's verdict on a goal: its status code and label, and its targets as text."""

    status: str
    label: str
    targets: tuple[str, ...] = ()
    style: object = None  # how the page draws the status (koers.web.status.StatusStyle)


@dataclass(frozen=True)
class GoalBalance:
    theme: str
    goal: str
    title: str
    activities: list[ActivityRow]
    means: Means
    effect: Effect | None
    idle: list[ActivityRow] = field(default_factory=list)  # means, but no work

    @property
    def flags(self) -> list[str]:
        flags = []
        if not self.means.has_means:
            flags.append(AMBITION_WITHOUT_MEANS)
        if self.idle:
            flags.append(MEANS_WITHOUT_ACTIVITY)
        if self.means.late:
            flags.append(RUNNING_LATE)
        return flags

    @property
    def flag_labels(self) -> list[str]:
        return [str(FLAG_LABELS[flag]) for flag in self.flags]


@dataclass(frozen=True)
class ThemeBalance:
    theme: str
    name: str
    goals: list[GoalBalance]
    means: Means  # each activity once, however many goals it serves

    def flagged(self, flag: str) -> int:
        return sum(1 for goal in self.goals if flag in goal.flags)


def is_idle(row: ActivityRow, today: datetime.date) -> bool:
    """Means are planned but no work happens: stopped, or still planned after its start."""
    has_means = bool(row.ipo_budget or row.fte or row.contributions_total)
    if not has_means:
        return False
    if row.status == ActivityStatus.GESTOPT:
        return True
    return row.status == ActivityStatus.GEPLAND and row.start < today


def balance(
    goals: Iterable[Goal],
    year: int,
    *,
    effects: Mapping[int, Effect] | None = None,
    today: datetime.date | None = None,
) -> list[ThemeBalance]:
    """The balance of ``goals`` in ``year``, grouped by theme in programme order."""
    today = today or timezone.localdate()
    effects = effects or {}
    by_theme: dict[str, list[Goal]] = {}
    names: dict[str, str] = {}
    for goal in goals:
        by_theme.setdefault(goal.theme.number, []).append(goal)
        names[goal.theme.number] = goal.theme.label
    themes = []
    for number in sorted(by_theme):
        rows = activities_for_theme(number, year, today=today)
        goal_rows = []
        for goal in by_theme[number]:
            mine = [row for row in rows if goal.number in row.goals]
            goal_rows.append(
                GoalBalance(
                    theme=number,
                    goal=goal.number,
                    title=goal.label,
                    activities=mine,
                    means=means_of(mine),
                    effect=effects.get(goal.pk),
                    idle=[row for row in mine if is_idle(row, today)],
                )
            )
        themes.append(ThemeBalance(number, names[number], goal_rows, means_of(rows)))
    return themes


CSV_COLUMNS = (
    "thema", "doel", "titel", "activiteiten", "waarvan_uitlopend", "streefwaarden",
    "voortgang", "ipo_budget_gepland_euro", "ipo_budget_gerealiseerd_euro",
    "provinciale_bijdragen_euro", "fte_gepland", "fte_gerealiseerd", "signalen",
)  # fmt: skip


def balance_rows(themes: Iterable[ThemeBalance]) -> list[dict[str, object]]:
    """One row per goal, as the CSV download and the table have it (money as Decimal)."""
    rows = []
    for theme in themes:
        for goal in theme.goals:
            rows.append(
                dict(
                    zip(
                        CSV_COLUMNS,
                        (
                            goal.theme,
                            goal.goal,
                            goal.title,
                            goal.means.activities,
                            goal.means.late,
                            len(goal.effect.targets) if goal.effect else 0,
                            goal.effect.status if goal.effect else "",
                            goal.means.budget_planned,
                            goal.means.budget_realised,
                            goal.means.contributions,
                            goal.means.fte_planned,
                            goal.means.fte_realised,
                            " ".join(goal.flags),
                        ),  # fmt: skip
                        strict=True,
                    )
                )
            )
    return rows
