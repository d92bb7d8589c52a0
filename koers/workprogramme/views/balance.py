"""Ambitions against means per theme and goal: a chart, a table and the same rows as CSV."""

from __future__ import annotations

import csv

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from koers.programme.models import Goal, Theme
from koers.web.targets import goal_statuses
from koers.workprogramme import figures
from koers.workprogramme.overview import (
    CSV_COLUMNS,
    FLAG_EXPLANATIONS,
    FLAG_LABELS,
    Effect,
    balance,
    balance_rows,
)
from koers.workprogramme.queries import work_programme_years


def _chosen(request) -> tuple[str, int]:
    theme = request.GET.get("thema", "")
    years = sorted({year for _theme, year in work_programme_years()})
    today = timezone.localdate().year
    try:
        year = int(request.GET.get("jaar", ""))
    except ValueError:
        year = today if today in years or not years else years[-1]
    return theme, year


def _balance(theme: str, year: int):
    goals = Goal.objects.select_related("theme").order_by("theme__number", "position")
    if theme:
        goals = goals.filter(theme__number=theme)
    goals = list(goals)
    effects = {
        pk: Effect(
            status.status,
            str(status.style.label),
            tuple(f"{t.target.indicator.label}: {t.target_text}" for t in status.targets),
            status.style,
        )
        for pk, status in goal_statuses(goals).items()
    }
    return balance(goals, year, effects=effects)


def balance_page(request):
    """The overview the IPO-bestuur uses when it adjusts ambitions in size or in time."""
    theme, year = _chosen(request)
    themes = _balance(theme, year)
    return render(
        request,
        "workprogramme/balance.html",
        {
            "themes": themes,
            "all_themes": Theme.objects.all(),
            "chosen_theme": theme,
            "year": year,
            "years": sorted({y for _t, y in work_programme_years()} | {year}),
            "chart": figures.means(themes, key="middelen"),
            "flags": [(code, FLAG_LABELS[code], FLAG_EXPLANATIONS[code]) for code in FLAG_LABELS],
            "example": any(a.is_example for t in themes for g in t.goals for a in g.activities),
            "nav": "werkprogramma",
        },
    )


def balance_csv(request):
    """The table of the overview as CSV: one row per goal, amounts exact."""
    theme, year = _chosen(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"ambities-en-middelen-{theme or 'alle'}-{year}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    writer = csv.DictWriter(response, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    writer.writerows(balance_rows(_balance(theme, year)))
    return response
