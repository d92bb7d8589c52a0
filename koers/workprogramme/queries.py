"""Read side of the work programmes, as plain data for pages, the API, the CLI, the yearly
review and the progress report.

An activity that serves several goals counts in full for each of them; totals per theme
count every activity once.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from koers.programme.models import Goal, Theme
from koers.workprogramme.models import (
    Activity,
    ActivityStatus,
    Milestone,
    ProvincialContribution,
    WorkProgramme,
)

ZERO = Decimal("0")


@dataclass(frozen=True)
class MilestoneRow:
    title: str
    date: datetime.date
    done: bool


@dataclass(frozen=True)
class ActivityRow:
    """One activity with everything a page or report shows about it."""

    pk: int
    code: str
    title: str
    description: str
    theme: str
    year: int
    goals: list[str]
    indicators: list[str]
    lead_province: str
    lead_province_name: str
    participating_provinces: list[str]
    contact: str
    start: datetime.date
    end: datetime.date
    status: str
    status_label: str
    status_reason: str
    ipo_budget: Decimal
    ipo_budget_realised: Decimal | None
    fte: Decimal
    fte_realised: Decimal | None
    contributions: dict[str, Decimal]
    risks: str
    milestones: list[MilestoneRow]
    is_late: bool
    is_example: bool

    @property
    def contributions_total(self) -> Decimal:
        return sum(self.contributions.values(), ZERO)


@dataclass(frozen=True)
class Means:
    """Planned and realised means of a set of activities (a goal's or a theme's)."""

    activities: int = 0
    budget_planned: Decimal = ZERO
    budget_realised: Decimal = ZERO
    fte_planned: Decimal = ZERO
    fte_realised: Decimal = ZERO
    contributions: Decimal = ZERO
    late: int = 0
    by_status: dict[str, int] = field(default_factory=dict)

    @property
    def has_means(self) -> bool:
        return any((self.budget_planned, self.fte_planned, self.contributions))


def _activities() -> QuerySet[Activity]:
    return Activity.objects.select_related(
        "work_programme__theme", "lead_province"
    ).prefetch_related(
        Prefetch("goals", queryset=Goal.objects.only("pk", "number", "theme_id")),
        "indicators",
        "participating_provinces",
        Prefetch("milestones", queryset=Milestone.objects.order_by("date", "pk")),
        Prefetch(
            "contributions",
            queryset=ProvincialContribution.objects.select_related("province"),
        ),
    )


def activity_row(activity: Activity, *, today: datetime.date | None = None) -> ActivityRow:
    """The plain rendering of one activity (its prefetches make this query-free)."""
    today = today or timezone.localdate()
    return ActivityRow(
        pk=activity.pk,
        code=activity.code,
        title=activity.title,
        description=activity.description,
        theme=activity.work_programme.theme.number,
        year=activity.work_programme.year,
        goals=sorted(g.number for g in activity.goals.all()),
        indicators=sorted(i.code for i in activity.indicators.all()),
        lead_province=activity.lead_province.code,
        lead_province_name=activity.lead_province.name,
        participating_provinces=sorted(p.code for p in activity.participating_provinces.all()),
        contact=activity.contact,
        start=activity.start,
        end=activity.end,
        status=activity.status,
        status_label=str(ActivityStatus(activity.status).label),
        status_reason=activity.status_reason,
        ipo_budget=activity.ipo_budget,
        ipo_budget_realised=activity.ipo_budget_realised,
        fte=activity.fte,
        fte_realised=activity.fte_realised,
        contributions={c.province.code: c.amount for c in activity.contributions.all()},
        risks=activity.risks,
        milestones=[MilestoneRow(m.title, m.date, m.done) for m in activity.milestones.all()],
        is_late=activity.is_late(today),
        is_example=activity.is_example,
    )


def _goal_number(goal: Goal | str) -> str:
    return goal if isinstance(goal, str) else goal.number


def _theme_number(theme: Theme | str) -> str:
    return theme if isinstance(theme, str) else theme.number


def activities_for_goal(
    goal: Goal | str, year: int | None = None, *, today: datetime.date | None = None
) -> list[ActivityRow]:
    """The activities serving ``goal`` (a Goal or its number), of ``year`` or of every year."""
    activities = _activities().filter(goals__number=_goal_number(goal))
    if year is not None:
        activities = activities.filter(work_programme__year=year)
    order = ("-work_programme__year", "start", "code")
    return [activity_row(a, today=today) for a in activities.order_by(*order).distinct()]


def activities_for_theme(
    theme: Theme | str, year: int, *, today: datetime.date | None = None
) -> list[ActivityRow]:
    """The activities of the work programme of ``theme`` (a Theme or ``"2.1"``) in ``year``."""
    activities = _activities().filter(
        work_programme__theme__number=_theme_number(theme), work_programme__year=year
    )
    return [activity_row(a, today=today) for a in activities.order_by("start", "code")]


def activities_led_by(
    province_code: str, *, today: datetime.date | None = None
) -> list[ActivityRow]:
    """Every activity a province leads (trekker), newest work programme first."""
    activities = _activities().filter(lead_province__code=province_code)
    order = ("-work_programme__year", "work_programme__theme__number", "start", "code")
    return [activity_row(a, today=today) for a in activities.order_by(*order)]


def means_of(rows: Iterable[ActivityRow]) -> Means:
    """Sum the planned and realised means of ``rows``; a missing realisation counts as 0."""
    rows = list(rows)
    return Means(
        activities=len(rows),
        budget_planned=sum((r.ipo_budget for r in rows), ZERO),
        budget_realised=sum((r.ipo_budget_realised or ZERO for r in rows), ZERO),
        fte_planned=sum((r.fte for r in rows), ZERO),
        fte_realised=sum((r.fte_realised or ZERO for r in rows), ZERO),
        contributions=sum((r.contributions_total for r in rows), ZERO),
        late=sum(1 for r in rows if r.is_late),
        by_status=dict(Counter(r.status for r in rows)),
    )


def means_for_goal(
    goal: Goal | str, year: int | None = None, *, today: datetime.date | None = None
) -> Means:
    """The means (budget, FTE, contributions) of the activities serving ``goal`` in ``year``."""
    return means_of(activities_for_goal(goal, year, today=today))


def means_for_theme(theme: Theme | str, year: int, *, today: datetime.date | None = None) -> Means:
    """The means of a theme's work programme in ``year``, each activity counted once."""
    return means_of(activities_for_theme(theme, year, today=today))


def work_programme(theme: Theme | str, year: int) -> WorkProgramme | None:
    return (
        WorkProgramme.objects.select_related("theme")
        .filter(theme__number=_theme_number(theme), year=year)
        .first()
    )


def work_programme_years() -> list[tuple[str, int]]:
    """(theme number, year) of every work programme, for navigation."""
    return list(
        WorkProgramme.objects.order_by("theme__number", "-year").values_list(
            "theme__number", "year"
        )
    )


def example_programmes() -> set[tuple[str, int]]:
    """(theme number, year) of the example work programmes (voorbeeldgegevens)."""
    examples = WorkProgramme.objects.filter(is_example=True)
    return set(examples.values_list("theme__number", "year"))
