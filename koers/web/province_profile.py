"""A province against the country: its newest figure per indicator, the national figure
of the same period and, where a rank is fair (web.ranking), its rank among the provinces
(one store read per indicator)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyarrow.compute as pc

from koers.analytics.store import aggregates
from koers.engine.periods import parse_period
from koers.indicators.models import Indicator, Target
from koers.web.figures import NATIONAL, breakdown_options, period_type
from koers.web.ranking import rank_direction, rank_of


@dataclass(frozen=True)
class ProvinceFigure:
    indicator: Indicator
    breakdown: str
    breakdown_label: str
    period: str
    row: dict  # the province's aggregate
    national: dict | None  # the national aggregate of the same period and breakdown
    rank: int | None  # None: no direction or no normalisation, so no fair rank
    ranked: int  # provinces with a value in that period
    direction: int | None = None  # 1 higher is better, -1 lower is better

    @property
    def share(self) -> float | None:
        """The province's part of the national total, for indicators that add up."""
        if self.indicator.area_rule != "sum" or not self.national:
            return None
        total = self.national.get("value")
        return self.row["value"] / total if total else None


def province_figure(
    indicator: Indicator, province: str, *, direction: int | None = None
) -> ProvinceFigure | None:
    """`direction` is web.ranking.rank_direction(): without it there is no rank."""
    table = aggregates(indicator.code, value_kind="realisation", period_type=period_type(indicator))
    mine = table.filter(pc.equal(table["area"], province))
    mine = mine.filter(pc.invert(pc.is_null(mine["value"])))
    if mine.num_rows == 0:
        return None
    options = breakdown_options(indicator, pc.unique(mine["breakdown"]).to_pylist())
    chosen = options[0]
    rows = [r for r in mine.to_pylist() if r["breakdown"] == chosen.code]
    row = max(rows, key=lambda r: parse_period(r["period"]).start)
    same = table.filter(
        pc.and_(pc.equal(table["breakdown"], chosen.code), pc.equal(table["period"], row["period"]))
    ).to_pylist()
    peers = [r["value"] for r in same if r["level"] == "provincie" and r["value"] is not None]
    national = next((r for r in same if r["area"] == NATIONAL), None)
    return ProvinceFigure(
        indicator=indicator,
        breakdown=chosen.code,
        breakdown_label=chosen.label,
        period=row["period"],
        row=row,
        national=national,
        rank=rank_of(row["value"], peers, direction) if direction else None,
        ranked=len(peers),
        direction=direction,
    )


def province_figures(province: str, indicators: Iterable[Indicator]) -> list[ProvinceFigure]:
    """Every indicator with a published figure for the province, in the order given."""
    indicators = list(indicators)
    targets = Target.objects.filter(indicator__in=indicators).only("indicator_id", "direction")
    by_indicator: dict[int, list[Target]] = {}
    for target in targets:
        by_indicator.setdefault(target.indicator_id, []).append(target)
    found = (
        province_figure(
            indicator,
            province,
            direction=rank_direction(indicator, by_indicator.get(indicator.pk, [])),
        )
        for indicator in indicators
    )
    return [f for f in found if f is not None]
