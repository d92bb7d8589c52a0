"""Public programme pages: the programme at a glance, a theme, and a goal with its targets,
indicators and version history."""

from __future__ import annotations

from collections import Counter

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from koers.accounts.permissions import Action, can, require
from koers.areas.queries import dutch_provinces
from koers.indicators.models import Indicator
from koers.programme import queries
from koers.programme.forms import GoalAdjustmentForm
from koers.programme.versioning import adjust_goal
from koers.web.figure_block import figure_block
from koers.web.figures import current_language, indicator_view, latest_national, public_areas
from koers.web.overview import coverage_by_theme, goal_tiles, recently_published, target_count
from koers.web.status import STYLES, status_style
from koers.web.targets import goal_statuses, targets_of


def programme_overview(request):
    """The programme at a glance: every goal with its indicators' status (a goal grid), how
    many goals have a measurable target, the newest figures and the coverage per theme."""
    programme = queries.current_programme()
    themes = list(programme.themes.all())
    goals = [goal for theme in themes for goal in theme.goals.all()]
    statuses = goal_statuses(goals)
    counts = Counter(s.status for s in statuses.values())
    indicators = list(Indicator.objects.exclude(status="peer").prefetch_related("goals"))
    latest = {i.code: latest_national(i) for i in indicators}
    tiles = goal_tiles(goals, statuses, indicators, latest)
    by_theme = {t: [tile for tile in tiles if tile.goal.theme_id == t.pk] for t in themes}
    return render(
        request,
        "programme/overview.html",
        {
            "programme": programme,
            "themes": [{"theme": t, "tiles": by_theme[t]} for t in themes],
            "targets": target_count(statuses),
            "legend": list(STYLES.values()),
            "summary": [(style, counts[code]) for code, style in STYLES.items() if counts[code]],
            "recent": recently_published(indicators, latest),
            "coverage": coverage_by_theme(by_theme),
            "with_data": sum(1 for row in latest.values() if row),
            "indicator_total": len(indicators),
            "nav": "programme",
        },
    )


def theme_detail(request, number: str):
    """A theme's goals, each with its status and its indicators' figures and status."""
    theme = queries.theme_by_number(number)
    goals = list(theme.goals.all())
    statuses = goal_statuses(goals)
    indicators = list(
        Indicator.objects.exclude(status="peer")
        .filter(goals__theme=theme)
        .distinct()
        .prefetch_related("goals")
    )
    latest = {i.code: latest_national(i) for i in indicators}
    return render(
        request,
        "programme/theme.html",
        {
            "theme": theme,
            "tiles": goal_tiles(goals, statuses, indicators, latest),
            "nav": "programme",
        },
    )


def goal_detail(request, number: str):
    """The goal's text and history, its targets with progress, and its indicators' figures."""
    goal = queries.goal_by_number(number)
    status = goal_statuses([goal])[goal.pk]
    chosen = request.GET.getlist("provincie")
    indicators = sorted(
        goal.indicators.exclude(status="peer"), key=lambda i: (i.status != "active", i.code)
    )
    areas, targets = public_areas(), targets_of(i.pk for i in indicators)
    figures = [
        figure_block(
            indicator_view(indicator, provinces=chosen, areas=areas),
            key=f"fig-{indicator.code}",
            targets=targets.get(indicator.pk, []),
        )
        for indicator in indicators
    ]
    return render(
        request,
        "programme/goal.html",
        {
            "goal": goal,
            "versions": list(goal.versions.all()),
            "may_adjust": can(request.user, Action.ADJUST_GOAL),
            "status": status,
            "no_target": status_style("no_target"),
            "figures": figures,
            "provinces": [(p.code, p.display_name(current_language())) for p in dutch_provinces()],
            "chosen": chosen,
            "nav": "programme",
        },
    )


@require_http_methods(["GET", "POST"])
def goal_adjust(request, number: str):
    require(request.user, Action.ADJUST_GOAL)
    goal = queries.goal_by_number(number)
    form = GoalAdjustmentForm(
        request.POST or None, initial={"text": getattr(goal.current, "text", "")}
    )
    if request.method == "POST" and form.is_valid():
        version = adjust_goal(goal, user=request.user, **form.cleaned_data)
        messages.success(
            request,
            _("Versie %(version)s van doel %(goal)s is vastgelegd.")
            % {"version": version.version, "goal": goal.number},
        )
        return redirect("programme:goal", number=goal.number)
    return render(request, "programme/goal_adjust.html", {"goal": goal, "form": form})
