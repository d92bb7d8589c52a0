"""The materialised aggregates: refresh after publication, and every read of figures."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

import pyarrow as pa
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from koers.analytics import sources
from koers.config import data_dir
from koers.engine.errors import StoreError
from koers.engine.lineage import AggregateKey
from koers.engine.rules import dependency_order, dependents
from koers.engine.store import AnalyticsStore, RefreshReport, query, refresh
from koers.jobs.models import IndicatorFreshness

log = logging.getLogger("koers.analytics")


@cache
def analytics_store() -> AnalyticsStore:
    """One store per process, so its per-file cache serves every request."""
    return AnalyticsStore(data_dir() / "analytics")


def refresh_indicators(
    codes: list[str] | None = None, *, progress: Callable[[str, int, int], None] | None = None
) -> RefreshReport:
    """Recompute the given indicators (all when None) and everything derived from them.

    Serialised per indicator: the refresh takes its tickets before it reads any data and
    replaces an indicator's figures only if no refresh with a later ticket did so first.
    When it fails, the figures it should have replaced are marked stale, and it re-raises.
    """
    rules = sources.rules()
    targets = set(rules) if codes is None else dependents(rules, codes)
    tickets = take_tickets(targets)
    # Derived indicators built on the touched ones, and everything those are built from.
    needed = None if codes is None else dependency_order(rules, targets)
    try:
        store = TicketedStore(analytics_store().root, tickets)
        return refresh(
            sources.observations(indicators=needed),
            sources.areas(),
            sources.links(),
            rules,
            store,
            indicators=codes,
            progress=progress,
        )
    except Exception as exc:
        mark_stale(tickets, exc)
        raise


def take_tickets(codes: Iterable[str]) -> dict[str, int]:
    """A new ticket per indicator, committed before the refresh reads anything."""
    codes = sorted(codes)
    with transaction.atomic():
        IndicatorFreshness.objects.bulk_create(
            [IndicatorFreshness(indicator=code) for code in codes], ignore_conflicts=True
        )
        rows = IndicatorFreshness.objects.filter(indicator__in=codes)
        rows.update(ticket=F("ticket") + 1)  # locks the rows until commit
        return dict(rows.values_list("indicator", "ticket"))


class TicketedStore(AnalyticsStore):
    """The store as one refresh writes it: a file goes in only while its ticket is newest."""

    def __init__(self, root: Path, tickets: dict[str, int]) -> None:
        super().__init__(root)
        self.tickets = tickets

    def replace(self, indicator: str, source: Path) -> None:
        ticket = self.tickets.get(indicator)
        if ticket is None:  # not announced at the start (no rules row): nothing to order
            super().replace(indicator, source)
            return
        # The conditional UPDATE holds the row's write lock while the file is swapped in.
        with transaction.atomic():
            won = IndicatorFreshness.objects.filter(indicator=indicator, written__lt=ticket).update(
                written=ticket, failed_at=None, error=""
            )
            if won:
                super().replace(indicator, source)
                return
        os.remove(source)
        log.info("refresh of %s skipped: a newer refresh already wrote it", indicator)


def mark_stale(tickets: dict[str, int], exc: BaseException) -> None:
    """Mark figures stale ("verouderd") that this failed refresh should have replaced."""
    reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:500]
    log.error("refresh of %s failed: %s", ", ".join(sorted(tickets)), reason, exc_info=exc)
    for indicator, ticket in tickets.items():
        IndicatorFreshness.objects.filter(indicator=indicator, written__lt=ticket).update(
            failed_at=timezone.now(), error=reason
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
