"""{% stale_notice code %}: the visible "verouderd" notice when a refresh failed."""

from django import template

from koers.analytics.freshness import stale_since

register = template.Library()


@register.inclusion_tag("analytics/_stale.html")
def stale_notice(indicator: str) -> dict:
    return {"since": stale_since(indicator)}
