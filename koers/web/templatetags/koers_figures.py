"""Template helpers for figures: numbers in the page language, status badges, lineage links."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils import translation

from koers.charts.bundle import bundle_version
from koers.engine.errors import PeriodError
from koers.engine.periods import period_label as engine_period_label
from koers.web.numbers import COUNT_UNITS, format_number, format_value, unit_label
from koers.web.status import status_style

register = template.Library()


@register.filter
def number(value, decimals=0) -> str:
    """`{{ value|number:1 }}` → `1.234,5` (Dutch) or `1,234.5` (English)."""
    return format_number(value, int(decimals))


@register.simple_tag
def figure(value, indicator, unit=True) -> str:
    """`{% figure row.value indicator %}` → `6.692 MW` with the indicator's decimals."""
    return format_value(value, indicator, unit=unit)


@register.filter
def period_label(code) -> str:
    """`{{ row.period|period_label }}`: the period as its source publishes it (`2019/20`)."""
    try:
        return engine_period_label(str(code))
    except PeriodError:
        return str(code)


@register.filter
def unit_of(indicator) -> str:
    return unit_label(indicator)


@register.filter
def unit_after_number(indicator) -> str:
    """The unit written after a number: none for counts ("2.517", not "2.517 aantal")."""
    return "" if indicator.unit.strip().lower() in COUNT_UNITS else unit_label(indicator)


@register.filter
def percentage(value, decimals=1) -> str:
    return "–" if value is None else f"{format_number(value * 100, int(decimals))} %"


@register.filter
def lineage_url(lineage_id) -> str:
    return reverse("data:lineage", args=[lineage_id]) if lineage_id else ""


@register.inclusion_tag("web/includes/status.html")
def status_badge(status) -> dict:
    """A status as colour, icon and text together; accepts a code or a StatusStyle."""
    style = status_style(status) if isinstance(status, str) else status
    return {"style": style}


@register.simple_tag
def vega_bundle_url() -> str:
    """One URL for every page language, so browsers cache the bundle once."""
    with translation.override(None):
        return reverse("data:vega-bundle", args=[bundle_version()])


@register.filter
def unallocated_share(row) -> str:
    """The unallocated (PV99) part of a computed national total, as a percentage."""
    total, part = row.get("computed_value"), row.get("unallocated_value")
    return percentage(part / total) if total and part is not None else "–"
