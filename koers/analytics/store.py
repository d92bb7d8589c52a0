"""The materialised aggregates: refresh after publication, and every read of figures."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pyarrow as pa

from koers.analytics import sources
from koers.config import data_dir
from koers.engine.errors import StoreError
from koers.engine.lineage import AggregateKey
from koers.engine.rules import dependency_order, dependents
from koers.engine.store import AnalyticsStore, RefreshReport, query, refresh


@cache
def analytics_store() -> AnalyticsStore:
    """One store per process, so its per-file cache serves every request."""
    return AnalyticsStore(data_dir() / "analytics")


def refresh_indicators(
    codes: list[str] | None = None, *, progress: Callable[[str, int, int], None] | None = None
) -> RefreshReport:
    """Recompute the given indicators (all when None) and everything derived from them."""
    rules = sources.rules()
    # Derived indicators built on the touched ones, and everything those are built from.
    needed = None if codes is None else dependency_order(rules, dependents(rules, codes))
    return refresh(
        sources.observations(indicators=needed),
        sources.areas(),
        sources.links(),
        rules,
        analytics_store(),
        indicators=codes,
        progress=progress,
    )


def aggregates(indicator: str, **filters) -> pa.Table:
    """Materialised rows of one indicator; empty when it was never refreshed."""
    try:
        return query(analytics_store(), indicator, **filters)
    except StoreError:
        from koers.engine.schema import AGGREGATES

        return AGGREGATES.empty_table()


def aggregates_at(key: AggregateKey) -> pa.Table:
    """The materialised rows of one aggregate key, in every hierarchy the area is in."""
    return aggregates(
        key.indicator,
        area=key.area,
        period=key.period,
        breakdown=key.breakdown,
        value_kind=key.value_kind,
    )
