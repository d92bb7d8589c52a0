"""The home page's data panels: the latest published figures and how complete the data is."""

from __future__ import annotations

from dataclasses import dataclass

from koers.deliveries.models import Observation, Transition
from koers.indicators.models import Indicator

RECENT_DELIVERIES = 20


@dataclass(frozen=True)
class RecentFigure:
    indicator: Indicator
    published_at: object  # datetime of the publication that touched it
    row: dict  # the newest national aggregate


@dataclass(frozen=True)
class ThemeCoverage:
    theme: object
    with_data: int
    total: int


def recently_published(
    indicators: list[Indicator], latest: dict[str, dict | None], *, limit: int = 6
) -> list[RecentFigure]:
    """Indicators touched by the newest publications, newest first, with their latest figure."""
    published = list(
        Transition.objects.filter(to_status="published", delivery__status="published")
        .order_by("-at")
        .values_list("delivery_id", "at")[:RECENT_DELIVERIES]
    )
    when = {}
    for delivery_id, at in published:
        when.setdefault(delivery_id, at)
    pairs = (
        Observation.objects.filter(delivery_id__in=list(when))
        .values_list("delivery_id", "indicator__code")
        .distinct()
    )
    touched: dict[str, object] = {}
    for delivery_id, code in pairs:
        if code not in touched or when[delivery_id] > touched[code]:
            touched[code] = when[delivery_id]
    by_code = {i.code: i for i in indicators}
    out = []
    for code in sorted(touched, key=lambda c: (touched[c], c), reverse=True):
        indicator = by_code.get(code)
        row = latest.get(code) if indicator else None
        if row:
            out.append(RecentFigure(indicator, touched[code], row))
        if len(out) == limit:
            break
    return out


def coverage_by_theme(themes, indicators: list[Indicator], with_data: set[str]):
    """Per theme: how many of its indicators have published figures."""
    out = []
    for theme in themes:
        mine = {i.code for i in indicators for g in i.goals.all() if g.theme_id == theme.pk}
        out.append(ThemeCoverage(theme, len(mine & with_data), len(mine)))
    return out
