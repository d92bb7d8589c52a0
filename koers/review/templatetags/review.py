"""`{% goal_adjustments goal as adjustments %}`: the goal page's review history, filled from
koers.review.queries so the programme's view needs no change."""

from django import template

from koers.review.queries import adopted_adjustments

register = template.Library()


@register.simple_tag
def goal_adjustments(goal):
    return adopted_adjustments(goal=goal)
