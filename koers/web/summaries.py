"""A chart in words, for screen readers and anyone who prefers text."""

from __future__ import annotations

from django.utils.translation import gettext as _

from koers.engine.periods import period_label
from koers.web.figures import NATIONAL, IndicatorView
from koers.web.numbers import format_value
from koers.web.targets import TargetProgress


def series_sentence(name: str, rows: list[dict], indicator) -> str:
    """`Nederland: van 44 MW in 1990 naar 6.692 MW in 2024; hoogste 6.692 MW in 2024.`"""
    rows = [r for r in rows if r["value"] is not None]
    if not rows:
        return _("%(area)s: geen gepubliceerde cijfers.") % {"area": name}
    first, last = rows[0], rows[-1]
    if len(rows) == 1:
        return _("%(area)s: %(value)s in %(period)s.") % {
            "area": name,
            "value": format_value(last["value"], indicator),
            "period": period_label(last["period"]),
        }
    highest = max(rows, key=lambda r: r["value"])
    return _(
        "%(area)s: van %(first)s in %(first_period)s naar %(last)s in %(last_period)s; "
        "hoogste waarde %(high)s in %(high_period)s."
    ) % {
        "area": name,
        "first": format_value(first["value"], indicator),
        "first_period": period_label(first["period"]),
        "last": format_value(last["value"], indicator),
        "last_period": period_label(last["period"]),
        "high": format_value(highest["value"], indicator),
        "high_period": period_label(highest["period"]),
    }


def chart_summary(view: IndicatorView, targets: list[TargetProgress]) -> str:
    indicator = view.indicator
    if not view.has_data:
        return _("Er zijn nog geen gepubliceerde cijfers voor %(indicator)s.") % {
            "indicator": indicator.label
        }
    parts = [series_sentence(view.name(NATIONAL), view.national, indicator)]
    parts += [series_sentence(view.name(c), view.series[c], indicator) for c in view.provinces]
    for item in targets:
        parts.append(
            _("Doel voor %(area)s: %(target)s; status: %(status)s.")
            % {
                "area": item.area_name,
                "target": item.target_text,
                "status": item.style.label,
            }
        )
        if item.forecast_text:
            parts.append(item.forecast_text[:1].upper() + item.forecast_text[1:] + ".")
    return " ".join(parts)
