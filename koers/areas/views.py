"""Public province pages: the twelve provinces, and one province against the country."""

from __future__ import annotations

from collections import Counter

from django.db.models import Exists, OuterRef, Q
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from koers.areas.queries import dutch_provinces
from koers.charts.maps import ChoroplethMap, Region, choropleth
from koers.deliveries.completeness import completeness_rows
from koers.deliveries.models import Delivery, Observation
from koers.indicators.models import Indicator
from koers.web.figure_block import province_map
from koers.web.figures import current_language, indicator_view
from koers.web.province_profile import province_figures

STATES = ("approved", "received", "late", "expected")


def _indicators() -> list[Indicator]:
    """Programme indicators in programme order: by their first goal, then by code."""
    indicators = list(Indicator.objects.exclude(status="peer").prefetch_related("goals"))

    def first_goal(indicator: Indicator) -> tuple:
        numbers = sorted(tuple(int(n) for n in g.number.split(".")) for g in indicator.goals.all())
        return (numbers[0] if numbers else (99,), indicator.code)

    return sorted(indicators, key=first_goal)


def navigation_map(provinces) -> ChoroplethMap:
    """The provinces as plain links (no figures), each labelled with its name."""
    regions = [
        Region(
            code=p.code,
            name=p.display_name(current_language()),
            value=None,
            value_text=p.display_name(current_language()),
            label=p.display_name(current_language()),
            href=reverse("data:province", args=[p.code]),
            geometry=p.geometry,
        )
        for p in provinces
    ]
    return choropleth(
        regions,
        title=_("De twaalf provincies"),
        class_label=lambda low, high: "",
        no_data_label="",
        id_prefix="provincies",
        neutral="#dce6f2",
    )


@require_safe
def province_list(request):
    provinces = list(dutch_provinces())
    return render(
        request,
        "areas/provinces.html",
        {
            "provinces": [(p, p.display_name(current_language())) for p in provinces],
            "map": navigation_map(provinces),
            "nav": "provinces",
        },
    )


def completeness_summary(province: str) -> dict:
    """Expected deliveries of one province since the programme began, counted per state."""
    rows = [r for r in completeness_rows() if r["province"] == province]
    per_indicator: dict[str, Counter] = {}
    for row in rows:
        per_indicator.setdefault(row["indicator"], Counter())[row["state"]] += 1
    counts = Counter(r["state"] for r in rows)
    return {
        "total": len(rows),
        "counts": {state: counts.get(state, 0) for state in STATES},
        "per_indicator": {
            code: [counter.get(state, 0) for state in STATES]
            for code, counter in per_indicator.items()
        },
    }


def key_figures(figures: list, *, limit: int = 4) -> list:
    """The first figure of each theme first, so the headline shows the breadth of the
    programme; then the next figures until there are `limit`."""
    seen, first, rest = set(), [], []
    for item in figures:
        themes = {g.theme_id for g in item.indicator.goals.all()}
        (rest if themes & seen else first).append(item)
        seen |= themes
    chosen = (first + rest)[:limit]
    return [item for item in figures if item in chosen]


@require_safe
def province_detail(request, code: str):
    """Every indicator for the province against the country, its rank, data and deliveries."""
    province = get_object_or_404(dutch_provinces(), code=code)
    indicators = _indicators()
    figures = province_figures(province.code, indicators)
    chosen = request.GET.get("indicator")
    mapped = next(
        (f for f in figures if f.indicator.code == chosen), figures[0] if figures else None
    )
    province_map_ = None
    if mapped:
        view = indicator_view(mapped.indicator, breakdown=mapped.breakdown, period=mapped.period)
        province_map_ = province_map(view, highlight=province.code, key="provincie")
    about_province = Observation.objects.filter(delivery=OuterRef("pk"), area=province)
    deliveries = (
        Delivery.objects.filter(status="published")
        .filter(Q(province=province) | Q(Exists(about_province)))
        .select_related("file")
        .order_by("-received_at")
    )
    completeness = completeness_summary(province.code)
    names = {i.code: i for i in indicators}
    return render(
        request,
        "areas/province.html",
        {
            "province": province,
            "name": province.display_name(current_language()),
            "figures": figures,
            "key_figures": key_figures(figures),
            "mapped": mapped,
            "map": province_map_,
            "deliveries": list(deliveries[:50]),
            "completeness": completeness,
            "completeness_rows": [
                (names[code], counts)
                for code, counts in completeness["per_indicator"].items()
                if code in names
            ],
            "nav": "provinces",
        },
    )
