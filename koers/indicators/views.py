"""Public indicator pages: the catalogue, one indicator, and its downloads."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from koers.areas.queries import dutch_provinces
from koers.indicators.models import Indicator, Target
from koers.programme.models import Theme
from koers.web.downloads import FORMATS, download_response
from koers.web.figure_block import chosen_scale, figure_block
from koers.web.figures import (
    NATIONAL,
    current_language,
    indicator_view,
    latest_national,
    period_type,
)
from koers.web.indicator_search import IndicatorSearch, search_indicators
from koers.web.ranking import normalised_views
from koers.web.rules_text import aggregation_rules
from koers.web.targets import indicator_targets, target_progress


def _public() -> object:
    return Indicator.objects.exclude(status="peer")


def _view_from(request, indicator: Indicator):
    """The same choices for the page and its downloads: breakdown, provinces, map period."""
    return indicator_view(
        indicator,
        breakdown=request.GET.get("uitsplitsing"),
        provinces=request.GET.getlist("provincie"),
        period=request.GET.get("periode"),
    )


@require_safe
def indicator_list(request):
    """Every programme indicator by theme, with its newest national figure; searchable and
    filterable by theme, goal, source, frequency, target and last update (a GET form)."""
    indicators = list(_public().prefetch_related("goals__theme"))
    latest = {i.code: latest_national(i) for i in indicators}
    result = search_indicators(
        indicators,
        latest,
        with_target=set(Target.objects.values_list("indicator_id", flat=True)),
        search=IndicatorSearch.from_query(request.GET),
    )
    groups = []
    for theme in Theme.objects.order_by("number"):
        mine = [i for i in result.found if any(g.theme_id == theme.pk for g in i.goals.all())]
        if mine:
            groups.append({"theme": theme, "rows": [(i, latest[i.code]) for i in mine]})
    unlinked = [(i, latest[i.code]) for i in result.found if not i.goals.all()]
    return render(
        request,
        "indicators/list.html",
        {
            "groups": groups,
            "unlinked": unlinked,
            "result": result,
            "with_data": sum(1 for row in latest.values() if row),
            "total": len(indicators),
            "nav": "indicators",
        },
    )


def reconciliation_over_time(indicator: Indicator) -> list[dict]:
    """National totals the source reported for a coarser period (the year next to its
    months), against the roll-up of the periods in it; newest first."""
    from koers.analytics.store import aggregates

    rows = aggregates(
        indicator.code, area=NATIONAL, value_kind="realisation", breakdown="_T"
    ).to_pylist()
    own = period_type(indicator)
    found = [r for r in rows if r["period_type"] != own and r["within_tolerance"] is not None]
    return sorted(found, key=lambda r: r["period"], reverse=True)


@require_safe
def indicator_detail(request, code: str):
    """Definition, rules, chart, map, table, reconciliation and completeness of one indicator."""
    indicator = get_object_or_404(
        _public().select_related("numerator", "denominator", "weight"), code=code
    )
    view = _view_from(request, indicator)
    targets = indicator_targets(indicator)  # read once: the chart and the target table
    block = figure_block(view, scale=chosen_scale(request.GET.get("weergave")), targets=targets)
    reconciliation = [r for r in reversed(view.national) if r.get("reported_value") is not None]
    missing = [r for r in view.regional if r["value"] is None]
    return render(
        request,
        "indicators/detail.html",
        {
            "indicator": indicator,
            "fig": block,
            "view": view,
            "rules": aggregation_rules(indicator),
            "reconciliation": reconciliation,
            "over_time": reconciliation_over_time(indicator),
            "unallocated_rows": [
                r for r in reversed(view.national) if r.get("unallocated_value") is not None
            ],
            "missing": missing,
            "reported": len(view.regional) - len(missing),
            "provinces": [(p.code, p.display_name(current_language())) for p in dutch_provinces()],
            "goals": indicator.goals.select_related("theme"),
            "fair_views": normalised_views(indicator),
            "targets": [target_progress(t) for t in targets],
            "nav": "indicators",
        },
    )


@require_safe
def indicator_download(request, code: str, file_format: str):
    """What the page shows, as CSV, XLSX or JSON (same choices, same numbers)."""
    if file_format not in FORMATS:
        raise Http404("unknown format")
    indicator = get_object_or_404(_public(), code=code)
    return download_response(_view_from(request, indicator), file_format)
