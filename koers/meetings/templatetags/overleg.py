"""Overleg's sections on other apps' pages (the goal page), filled by its own queries."""

from django import template

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
