"""The knowledge base's sections on other apps' pages (goal and province), from its queries."""

from django import template

from koers.knowledge.queries import for_goal, led_by

register = template.Library()


@register.inclusion_tag("knowledge/_goal_section.html")
def goal_practices(goal):
    """'Lessen en praktijken bij dit doel': the published practices serving ``goal``."""
    return {"practice_versions": for_goal(goal), "goal": goal}


@register.inclusion_tag("knowledge/_province_section.html")
def province_practices(province):
    """The published practices ``province`` leads."""
    return {"practice_versions": led_by(province), "province": province}
