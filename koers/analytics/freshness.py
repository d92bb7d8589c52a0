"""The data version, and which indicators' figures are stale after a failed refresh.

Every change Koers makes to what users can see leaves a trace: an audit-log entry
(deliveries moving through the workflow, indicators, goals, targets), a newer
analytics store (a refresh replaces its Parquet files) or a failed refresh marking
figures stale. Together they are the version that keys per-process caches of rendered
pages and completeness.
"""

from __future__ import annotations

import os
from datetime import datetime

from auditlog.models import LogEntry
from django.db.models import Count, Max

from koers.analytics.store import analytics_store
from koers.jobs.models import IndicatorFreshness


def data_version() -> str:
    last_change = LogEntry.objects.aggregate(last=Max("id"))["last"] or 0
    try:
        store = os.stat(analytics_store().root).st_mtime_ns
    except FileNotFoundError:
        store = 0
    stale = _stale().aggregate(n=Count("id"), last=Max("failed_at"))
    marker = f"{stale['n']}-{stale['last'].timestamp() if stale['last'] else 0}"
    return f"{last_change}.{store}.{marker}"


def _stale():
    return IndicatorFreshness.objects.filter(failed_at__isnull=False)


def stale_since(indicator: str) -> datetime | None:
    """When the last refresh of ``indicator`` failed, if its figures are stale; else None."""
    return _stale().filter(indicator=indicator).values_list("failed_at", flat=True).first()


def stale_indicators() -> dict[str, datetime]:
    """Every indicator whose figures are stale, with when its refresh failed."""
    return dict(_stale().values_list("indicator", "failed_at"))
