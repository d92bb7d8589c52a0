"""The home and theme pages' data: every goal with the status of its indicators, how many
goals have a measurable target, the newest figures (honest headlines) and coverage."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from koers.deliveries.models import Observation, Transition
from koers.indicators.models import Indicator
from koers.programme.models import Goal
from koers.web.status import NO_DATA, NO_TARGET, StatusStyle, status_style, worst
from koers.web.targets import GoalStatus

RECENT_DELIVERIES = 20


@dataclass(frozen=True)
class RecentFigure:
    indicator: Indicator
    published_at: object  # datetime of the publication that touched it
    row: dict  # the national headline row (figures.latest_national)


@dataclass(frozen=True)
class ThemeCoverage:
    theme: object
    with_data: int  # goals with at least one indicator with published figures
    total: int  # goals of the theme


@dataclass(frozen=True)
class IndicatorStatus:
    """One indicator of a goal: its status against the goal's targets, and its headline."""

    indicator: Indicator
    style: StatusStyle
    has_target: bool
    row: dict | None  # figures.latest_national, None before publication


@dataclass(frozen=True)
class GoalTile:
    goal: Goal
    status: GoalStatus
    indicators: list[IndicatorStatus] = field(default_factory=list)


@dataclass(frozen=True)
class TargetCount:
    """How many goals can be judged: a target with published figures, a target still
    without figures, or no target at all."""

    total: int
    measured: int
    awaiting_data: int
    without_target: int

    @property
    def not_measurable(self) -> int:
        return self.awaiting_data + self.without_target


def indicator_statuses(
    goal: Goal, status: GoalStatus, indicators: Iterable[Indicator], latest: dict[str, dict | None]
) -> list[IndicatorStatus]:
    """The goal's indicators, each with the worst status of its targets for this goal."""
    out = []
    for indicator in indicators:
        mine = [
            t.progress["status"] for t in status.targets if t.target.indicator_id == indicator.pk
        ]
        code = worst(mine)
        out.append(
            IndicatorStatus(indicator, status_style(code), bool(mine), latest.get(indicator.code))
        )
    # Indicators with a target first, then those with figures, then the rest.
    return sorted(out, key=lambda s: (not s.has_target, s.row is None, s.indicator.code))


def goal_tiles(
    goals: Iterable[Goal],
    statuses: dict[int, GoalStatus],
    indicators: list[Indicator],
    latest: dict[str, dict | None],
) -> list[GoalTile]:
    """Every goal with its status and its indicators' statuses (an Open SDG goal grid)."""
    by_goal: dict[int, list[Indicator]] = {}
    for indicator in indicators:
        for goal in indicator.goals.all():
            by_goal.setdefault(goal.pk, []).append(indicator)
    return [
        GoalTile(
            goal,
            statuses[goal.pk],
            indicator_statuses(goal, statuses[goal.pk], by_goal.get(goal.pk, []), latest),
        )
        for goal in goals
    ]


def target_count(statuses: dict[int, GoalStatus]) -> TargetCount:
    """Goals with a measurable target (a target with figures) and those without one yet."""
    codes = [s.status for s in statuses.values()]
    without = sum(1 for c in codes if c == NO_TARGET)
    awaiting = sum(1 for c in codes if c == NO_DATA)
    return TargetCount(len(codes), len(codes) - without - awaiting, awaiting, without)


def same_figure(row: dict, indicator: Indicator) -> tuple:
    """Two headlines with this key show one figure from one source: one card is enough."""
    value = round(row["value"] * 10**indicator.unit_multiplier, 6)
    source = (indicator.source_producer.strip().lower(), indicator.source_table.strip().lower())
    return (value, row["period"], row.get("breakdown_label") or "", indicator.unit, source)


def recently_published(
    indicators: list[Indicator], latest: dict[str, dict | None], *, limit: int = 6
) -> list[RecentFigure]:
    """Indicators touched by the newest publications, newest first, with their headline;
    one card per figure and source."""
    published = list(
        Transition.objects.filter(to_status="published", delivery__status="published")
        .order_by("-at")
        .values_list("delivery_id", "at")[:RECENT_DELIVERIES]
    )
    when = {}
    for delivery_id, at in published:
        when.setdefault(delivery_id, at)
    pairs = (
        Observation.objects.filter(delivery_id__in=list(when))
        .values_list("delivery_id", "indicator__code")
        .distinct()
    )
    touched: dict[str, object] = {}
    for delivery_id, code in pairs:
        if code not in touched or when[delivery_id] > touched[code]:
            touched[code] = when[delivery_id]
    by_code = {i.code: i for i in indicators}
    out, shown = [], set()
    for code in sorted(touched, key=lambda c: (touched[c], c), reverse=True):
        indicator = by_code.get(code)
        row = latest.get(code) if indicator else None
        if not row:
            continue
        key = same_figure(row, indicator)
        if key in shown:
            continue
        shown.add(key)
        out.append(RecentFigure(indicator, touched[code], row))
        if len(out) == limit:
            break
    return out


def coverage_by_theme(tiles_by_theme: dict[object, list[GoalTile]]) -> list[ThemeCoverage]:
    """Per theme: how many of its goals have an indicator with published figures."""
    return [
        ThemeCoverage(theme, sum(1 for t in tiles if any(s.row for s in t.indicators)), len(tiles))
        for theme, tiles in tiles_by_theme.items()
    ]
