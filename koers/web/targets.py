"""Targets with their progress (from koers.analytics.progress) and each goal's status."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from koers.analytics.progress import progress_for
from koers.indicators.models import Target
from koers.programme.models import Goal
from koers.web.figures import current_language
from koers.web.numbers import format_value
from koers.web.status import NO_DATA, StatusStyle, status_style, worst


@dataclass(frozen=True)
class TargetProgress:
    target: Target
    progress: dict
    style: StatusStyle
    area_name: str
    baseline_text: str
    current_text: str
    target_text: str
    forecast_text: str


@dataclass(frozen=True)
class GoalStatus:
    status: str
    style: StatusStyle
    targets: list[TargetProgress] = field(default_factory=list)


def _targets() -> list[Target]:
    return list(
        Target.objects.select_related("indicator", "area", "goal").prefetch_related(
            "indicator__goals"
        )
    )


def _serves(target: Target, goal_id: int) -> bool:
    """A target names its goal, or (without one) serves every goal of its indicator."""
    if target.goal_id is not None:
        return target.goal_id == goal_id
    return any(g.pk == goal_id for g in target.indicator.goals.all())


def forecast_text(progress: dict, target: Target) -> str:
    """`verwacht in 2030: 9.566 MW (8.900–10.200); haalt de streefwaarde niet`."""
    forecast = progress.get("forecast")
    if progress.get("deadline_passed"):
        return _("streefjaar voorbij: beoordeeld op %(year)s") % {"year": progress["current_year"]}
    if not forecast:
        return ""
    indicator = target.indicator
    text = _("verwacht in %(year)s: %(value)s") % {
        "year": forecast["year"],
        "value": format_value(forecast["value"], indicator),
    }
    if forecast.get("low") is not None and forecast.get("high") is not None:
        low = format_value(forecast["low"], indicator, unit=False)
        high = format_value(forecast["high"], indicator, unit=False)
        text += f" ({low}–{high})"
    if forecast.get("reaches_target") is True:
        text += "; " + _("haalt de streefwaarde")
    elif forecast.get("reaches_target") is False:
        text += "; " + _("haalt de streefwaarde niet")
    return text


def target_progress(target: Target) -> TargetProgress:
    """Progress towards one target, with its numbers written out."""
    progress = progress_for(target)
    indicator = target.indicator

    def at(year, value) -> str:
        return f"{format_value(value, indicator)} ({year})" if value is not None else "–"

    return TargetProgress(
        target=target,
        progress=progress,
        style=status_style(progress["status"] if progress["has_data"] else NO_DATA),
        area_name=target.area.display_name(current_language()),
        baseline_text=at(target.baseline_year, progress["baseline_value"]),
        current_text=at(progress["current_year"], progress["current_value"]),
        target_text=(
            _("%(value)s in %(year)s")
            % {"value": format_value(target.target_value, indicator), "year": target.target_year}
            if target.target_value is not None
            else _("richting zonder streefwaarde (%(year)s)") % {"year": target.target_year}
        ),
        forecast_text=forecast_text(progress, target),
    )


def goal_statuses(goals: Iterable[Goal]) -> dict[int, GoalStatus]:
    """Every goal's status, worst target first; targets and progress read once each."""
    targets = _targets()
    measured = {t.pk: target_progress(t) for t in targets}
    out = {}
    for goal in goals:
        mine = [measured[t.pk] for t in targets if _serves(t, goal.pk)]
        code = worst([m.progress["status"] for m in mine])
        out[goal.pk] = GoalStatus(code, status_style(code), mine)
    return out


def chart_targets(
    targets: Iterable[Target], *, breakdown: str, areas: Sequence[str]
) -> list[TargetProgress]:
    """The targets drawn on an indicator's chart: its breakdown, the areas shown."""
    return [
        target_progress(t) for t in targets if t.breakdown == breakdown and t.area.code in areas
    ]


def targets_of(indicator_ids: Iterable[int]) -> dict[int, list[Target]]:
    """Every target of these indicators in one query, grouped by indicator."""
    out: dict[int, list[Target]] = {}
    for target in Target.objects.select_related("indicator", "area").filter(
        indicator_id__in=list(indicator_ids)
    ):
        out.setdefault(target.indicator_id, []).append(target)
    return out


def indicator_targets(indicator) -> list[Target]:
    """Every target of one indicator, national first, then by area and target year."""
    return sorted(
        Target.objects.filter(indicator=indicator).select_related("indicator", "area", "goal"),
        key=lambda t: (t.area.code != "NL01", t.area.code, t.target_year),
    )
