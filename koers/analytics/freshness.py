"""The data version: changes whenever anything the pages show may have changed.

Every change Koers makes to what users can see leaves a trace: an audit-log entry
(deliveries moving through the workflow, indicators, goals, targets) or a newer
analytics store (a refresh replaces its Parquet files). Together they are the version
that keys per-process caches of rendered pages and completeness.
"""

from __future__ import annotations

import os

from auditlog.models import LogEntry
from django.db.models import Max

from koers.analytics.store import analytics_store


def data_version() -> str:
    last_change = LogEntry.objects.aggregate(last=Max("id"))["last"] or 0
    try:
        store = os.stat(analytics_store().root).st_mtime_ns
    except FileNotFoundError:
        store = 0
    return f"{last_change}.{store}"
