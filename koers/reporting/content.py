"""What the progress report says, computed from Koers itself: per theme each goal with its
status, forecast, charts (static SVG) and tables, the work programme's activities, the
adopted adjustments, and a summary of counts by status with the changes since last year."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from koers.programme.models import Goal, Theme
from koers.programme.queries import PROGRAMME_CODE
from koers.review.queries import Adjustment, adopted_adjustments, ended_goal_ids
from koers.web.figure_block import FigureBlock, figure_block
from koers.web.figures import indicator_view, public_areas
from koers.web.status import STYLES, StatusStyle
from koers.web.targets import GoalStatus, goal_statuses
from koers.workprogramme.queries import ActivityRow, activities_for_theme

#: Rows of an indicator's table in the report: the newest periods.
TABLE_ROWS = 6
DONE, STOPPED, LATE_STATUS = "afgerond", "gestopt", "vertraagd"


@dataclass
class GoalSection:
    goal: Goal
    text: str
    status: GoalStatus
    figures: list[FigureBlock]
    ended: bool = False


@dataclass
class ThemeSection:
    theme: Theme
    goals: list[GoalSection]
    done: list[ActivityRow] = field(default_factory=list)
    running: list[ActivityRow] = field(default_factory=list)
    late: list[ActivityRow] = field(default_factory=list)
    adjustments: list[Adjustment] = field(default_factory=list)

    @property
    def has_activities(self) -> bool:
        return bool(self.done or self.running or self.late)


@dataclass(frozen=True)
class SummaryLine:
    style: StatusStyle
    count: int
    previous: int | None  # None: no report of the year before

    @property
    def change(self) -> int | None:
        return None if self.previous is None else self.count - self.previous


@dataclass
class ReportContent:
    year: int
    generated_on: date
    programme: str
    themes: list[ThemeSection]
    summary: list[SummaryLine]
    counts: dict[str, int]
    previous_year: int | None
    adjustments: int
    activities: dict[str, int]

    @property
    def goal_count(self) -> int:
        return sum(self.counts.values())


def _activity_groups(section: ThemeSection, rows: list[ActivityRow]) -> None:
    for row in rows:
        if row.is_late or row.status == LATE_STATUS:
            section.late.append(row)
        elif row.status == DONE:
            section.done.append(row)
        elif row.status != STOPPED:
            section.running.append(row)


def _figures(goal: Goal, areas) -> list[FigureBlock]:
    indicators = goal.indicators.exclude(status="peer").order_by("code")
    out = []
    for indicator in indicators:
        block = figure_block(
            indicator_view(indicator, areas=areas), key=f"fig-{goal.number}-{indicator.code}"
        )
        if block.view.has_data:
            out.append(block)
    return out


def summary_of(counts: dict[str, int], previous: dict[str, int] | None) -> list[SummaryLine]:
    """One line per status that occurs now or last year, in the order of the legend."""
    return [
        SummaryLine(style, counts.get(code, 0), None if previous is None else previous.get(code, 0))
        for code, style in STYLES.items()
        if counts.get(code) or (previous or {}).get(code)
    ]


def build_content(year: int, *, previous: tuple[int, dict[str, int]] | None = None,
                  today: date | None = None) -> ReportContent:  # fmt: skip
    """Everything the report of ``year`` shows; ``previous`` is (year, counts) of last year's."""
    today = today or date.today()
    themes = list(
        Theme.objects.filter(programme__code=PROGRAMME_CODE)
        .select_related("programme")
        .prefetch_related("goals__versions")
        .order_by("number")
    )
    goals = [goal for theme in themes for goal in theme.goals.all()]
    statuses = goal_statuses(goals)
    ended = ended_goal_ids()
    adjustments = adopted_adjustments(decided_in=year)
    areas = public_areas()
    sections = []
    for theme in themes:
        section = ThemeSection(
            theme,
            [
                GoalSection(
                    goal,
                    getattr(goal.current, "text", ""),
                    statuses[goal.pk],
                    _figures(goal, areas),
                    ended=goal.pk in ended,
                )
                for goal in theme.goals.all()
            ],
            adjustments=[a for a in adjustments if a.goal.theme_id == theme.pk],
        )
        _activity_groups(section, activities_for_theme(theme, year, today=today))
        sections.append(section)
    counts = dict(Counter(statuses[g.pk].status for g in goals))
    return ReportContent(
        year=year,
        generated_on=today,
        programme=themes[0].programme.name if themes else "",
        themes=sections,
        summary=summary_of(counts, previous[1] if previous else None),
        counts=counts,
        previous_year=previous[0] if previous else None,
        adjustments=len(adjustments),
        activities={
            "done": sum(len(s.done) for s in sections),
            "running": sum(len(s.running) for s in sections),
            "late": sum(len(s.late) for s in sections),
        },
    )


__all__ = ["TABLE_ROWS", "ReportContent", "build_content", "summary_of"]
