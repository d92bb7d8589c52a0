"""Work-programme sections for other apps' pages (goal page, province page) and money filters.

``{% load werkprogramma %}{% goal_activities goal %}`` fills its own context from
koers.workprogramme.queries, so the page's view needs no change.
"""

from __future__ import annotations

from django import template
from django.utils import timezone

from koers.workprogramme import figures, queries

register = template.Library()


@register.filter
def euros(amount) -> str:
    """`{{ row.ipo_budget|euros }}` → `€ 120.000`, exact from the Decimal."""
    return figures.euros(amount)


@register.filter
def fte(amount) -> str:
    return figures.fte(amount)


@register.filter
def has_example(rows) -> bool:
    """True when any activity row is example content (then the page shows the banner)."""
    return any(getattr(row, "is_example", False) for row in rows or ())


@register.inclusion_tag("workprogramme/includes/goal_section.html", takes_context=True)
def goal_activities(context, goal) -> dict:
    """'Wat wordt er gedaan voor dit doel': the activities serving ``goal``, with their means."""
    today = timezone.localdate()
    rows = queries.activities_for_goal(goal, today=today)
    years = sorted({row.year for row in rows}, reverse=True)
    return {
        "goal": goal,
        "rows": rows,
        "means": [(year, queries.means_of(r for r in rows if r.year == year)) for year in years],
        "example": any(row.is_example for row in rows),
        "request": context.get("request"),
    }


@register.inclusion_tag("workprogramme/includes/province_section.html", takes_context=True)
def province_activities(context, province) -> dict:
    """The activities a province leads (trekker); ``province`` is an Area or its code."""
    code = getattr(province, "code", province)
    rows = queries.activities_led_by(code)
    return {
        "rows": rows,
        "example": any(row.is_example for row in rows),
        "request": context.get("request"),
    }


@register.filter
def flagged(theme, flag: str) -> int:
    """`{{ theme|flagged:code }}`: how many goals of a ThemeBalance carry ``flag``."""
    return theme.flagged(flag)
