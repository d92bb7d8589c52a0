"""Fair comparison between provinces. A rank only with a direction (is higher better or
worse?) and a normalisation (a ratio, a level or a per-inhabitant figure, never a plain
total); and for a total, the normalised view the catalogue defines (the ratio indicator
that has it as numerator: per 1,000 inhabitants, per hectare).

A total ranks provinces by size, not by performance, so it gets no rank. The direction
comes from the indicator's targets; without one, or with targets that disagree, no rank.
"""

from __future__ import annotations

from collections.abc import Iterable

from koers.indicators.models import AreaRule, Indicator, Target

#: area rules whose values are comparable between provinces of different size
NORMALISED = (AreaRule.RATIO, AreaRule.WEIGHTED_MEAN, AreaRule.NONE)


def rank_direction(indicator: Indicator, targets: Iterable[Target]) -> int | None:
    """1 (higher is better) or -1 (lower is better) when a rank is fair, else None."""
    if indicator.area_rule not in NORMALISED:
        return None
    directions = {t.direction for t in targets if t.indicator_id == indicator.pk}
    return directions.pop() if len(directions) == 1 else None


def rank_of(value: float, peers: Iterable[float], direction: int) -> int:
    """1 + the number of peers that do better (ties share a rank)."""
    return 1 + sum(1 for other in peers if (other - value) * direction > 0)


def rank_regional(view, direction: int | None) -> None:
    """Set each province row's rank on an indicator view (None when a rank is not fair)."""
    values = [r["value"] for r in view.regional if r["value"] is not None]
    for row in view.regional:
        fair = direction is not None and row["value"] is not None
        row["rank"] = rank_of(row["value"], values, direction) if fair else None
    view.rank_direction = direction


def normalised_views(indicator: Indicator) -> list[Indicator]:
    """The ratio indicators that divide this total by a denominator (per inhabitant, per
    hectare): the fair way to compare provinces of different size."""
    if indicator.area_rule != AreaRule.SUM:
        return []
    return list(
        Indicator.objects.filter(numerator=indicator, area_rule=AreaRule.RATIO)
        .exclude(status="peer")
        .select_related("denominator")
    )
