"""Public programme pages: overview, theme and goal (with version history)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from koers.accounts.permissions import Action, can, require
from koers.programme import queries
from koers.programme.forms import GoalAdjustmentForm
from koers.programme.versioning import adjust_goal


def programme_overview(request):
    programme = queries.current_programme()
    return render(request, "programme/overview.html", {"programme": programme, "nav": "programme"})


def theme_detail(request, number: str):
    theme = queries.theme_by_number(number)
    return render(request, "programme/theme.html", {"theme": theme, "nav": "programme"})


def goal_detail(request, number: str):
    goal = queries.goal_by_number(number)
    return render(
        request,
        "programme/goal.html",
        {
            "goal": goal,
            "versions": list(goal.versions.all()),
            "may_adjust": can(request.user, Action.ADJUST_GOAL),
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
