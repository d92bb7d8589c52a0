"""Read-side functions for the programme pages, the CLI and the API."""

from __future__ import annotations

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from koers.programme.models import Goal, GoalVersion, Programme, Theme

PROGRAMME_CODE = "bestuursprogramma-ipo-2023-2027"


def current_programme() -> Programme:
    """The programme with themes, goals (and their versions), principles and functions."""
    goals = Goal.objects.prefetch_related(
        Prefetch("versions", queryset=GoalVersion.objects.order_by("-version"))
    )
    return get_object_or_404(
        Programme.objects.prefetch_related(
            Prefetch("themes__goals", queryset=goals), "principles", "functions"
        ),
        code=PROGRAMME_CODE,
    )


def theme_by_number(number: str) -> Theme:
    return get_object_or_404(
        Theme.objects.select_related("programme").prefetch_related("goals__versions"),
        number=number,
    )


def goal_by_number(number: str) -> Goal:
    return get_object_or_404(
        Goal.objects.select_related("theme").prefetch_related("versions__created_by"),
        number=number,
    )


def programme_as_dict(programme: Programme) -> dict:
    """A plain, JSON-ready rendering shared by ``koers programme show`` and the API."""

    def goal_dict(goal: Goal) -> dict:
        versions = list(goal.versions.all())
        current = versions[0] if versions else None
        return {
            "number": goal.number,
            "title": goal.title,
            "title_en": goal.title_en,
            "text": current.text if current else None,
            "version": current.version if current else 0,
        }

    return {
        "name": programme.name,
        "period": [programme.period_start, programme.period_end],
        "source_document": programme.source_document or None,
        "principles": [
            {"number": p.number, "title": p.title, "text": p.text or None}
            for p in programme.principles.all()
        ],
        "collaboration_functions": [
            {"code": f.code, "name": f.name, "text": f.text or None}
            for f in programme.functions.all()
        ],
        "themes": [
            {
                "number": theme.number,
                "name": theme.name,
                "name_en": theme.name_en,
                "bac": theme.bac,
                "context": theme.context or None,
                "goals": [goal_dict(goal) for goal in theme.goals.all()],
            }
            for theme in programme.themes.all()
        ],
    }
