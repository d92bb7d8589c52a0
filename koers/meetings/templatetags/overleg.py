"""Overleg's sections on other apps' pages (the goal page), filled by its own queries."""

from django import template

from koers.accounts.permissions import Action, can, stewarded_provinces
from koers.meetings.followup import overdue_steps
from koers.meetings.queries import dossiers_for_goal, positions_for_goal

register = template.Library()


@register.inclusion_tag("meetings/_goal_section.html", takes_context=True)
def goal_positions(context, goal):
    """The positions and lobby dossiers serving ``goal``; drafts only for insiders."""
    user = context.get("user")
    return {
        "goal_positions": positions_for_goal(goal, user),
        "goal_dossiers": dossiers_for_goal(goal),
    }


@register.inclusion_tag("meetings/_overdue.html", takes_context=True)
def overdue_follow_up(context):
    """Overdue follow-up steps for the workspace: a steward's own provinces, the office all."""
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return {"overdue": []}
    if can(user, Action.UPDATE_FOLLOW_UP, province=None) or user.is_superuser:
        codes = None  # the programme office: every province
    else:
        codes = stewarded_provinces(user)
        if not codes:
            return {"overdue": []}
    return {"overdue": overdue_steps(province_codes=codes)}
