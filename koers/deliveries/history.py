"""What an import compares with: the published state, read a batch and an area at a time.

Nothing here holds an indicator's whole state. Each batch reads the published rows of its
own keys (versions.current_for); the history warnings read one (indicator, area) at a
time, and skip the values this delivery already replaces. Memory follows the batch and the
area, never the number of values stored: a correction of a million values costs what a
fresh import of a million does.
"""

from __future__ import annotations

import pyarrow as pa
from django.db import connection

from koers.areas.models import Area
from koers.deliveries import versions
from koers.indicators.models import Indicator

#: Published realisations of one (indicator, area), for the outlier and jump warnings.
#: A value this delivery replaces by a value of its own is left out: the file's own point
#: for that period wins anyway (series_checks.series_points), and reading it back would
#: cost a correction of every value as much again as its diff.
_SERIES_SQL = f"""
SELECT p.breakdown, p.period, p.value FROM {versions.TABLE} p
WHERE p.indicator_id = %s AND p.area_id = %s AND p.value_kind = 'realisation'
  AND p.value IS NOT NULL AND p.superseded_at IS NULL
  AND p.delivery_id IN ({versions._PUBLISHED_IDS})
  AND NOT EXISTS (
    SELECT 1 FROM {versions.TABLE} n
    WHERE n.indicator_id = p.indicator_id AND n.area_id = p.area_id AND n.period = p.period
      AND n.breakdown = p.breakdown AND n.value_kind = p.value_kind
      AND n.delivery_id = %s AND n.value IS NOT NULL)
"""  # noqa: S608 - table names are ours; values are parameters


class HistoryCache:
    """The published state one import compares with, for one delivery.

    ``current()`` reads a batch's keys afresh each time, so a batch retried after another
    import took its version numbers sees them. ``lookup()`` keeps one (indicator, area)
    partition at a time: the whole-file checks ask for them partition by partition.
    """

    def __init__(self, delivery_id: int | None = None) -> None:
        self.delivery_id = delivery_id
        self._indicator_ids = dict(Indicator.objects.values_list("code", "pk"))
        self._area_ids = dict(Area.objects.values_list("code", "pk"))
        self._seen: set[int] = set()
        self._empty: set[int] = set()
        self._no_pending: set[int] = set()  # no unpublished versions when first reached
        self._partition: tuple[str, str] | None = None
        self._series: dict[str, list[tuple[str, float]]] = {}

    def current(self, indicator_id: int, rows: pa.Table) -> tuple[pa.Table, pa.Table]:
        """The published rows and pending versions of the keys of ``rows`` (one indicator).

        An indicator with no rows when the import first reached it is not read again (a
        fresh import pays nothing for corrections), nor are the pending versions of one
        that had none, until forget() says another import wrote some meanwhile.
        """
        if indicator_id not in self._seen:
            self._seen.add(indicator_id)
            if not versions.has_rows(indicator_id, but=self.delivery_id):
                self._empty.add(indicator_id)
            elif not versions.may_have_pending_versions(indicator_id, but=self.delivery_id):
                self._no_pending.add(indicator_id)
        if indicator_id in self._empty:
            return versions.PUBLISHED_SCHEMA.empty_table(), versions.OTHERS_SCHEMA.empty_table()
        pending = indicator_id not in self._no_pending
        return versions.current_for(indicator_id, rows, own=self.delivery_id, pending=pending)

    def forget(self, indicator_id: int) -> None:
        """Read everything of the indicator from now on: another import wrote versions."""
        self._empty.discard(indicator_id)
        self._no_pending.discard(indicator_id)

    def _read_partition(self, indicator: str, area: str) -> None:
        self._partition, self._series = (indicator, area), {}
        indicator_id, area_id = self._indicator_ids.get(indicator), self._area_ids.get(area)
        if indicator_id is None or area_id is None:
            return
        params = [indicator_id, area_id, self.delivery_id]
        with connection.cursor() as cursor:
            cursor.execute(_SERIES_SQL, params)
            for name, period, value in cursor:
                self._series.setdefault(name, []).append((period, value))

    def lookup(self, indicator: str, area: str, breakdown: str) -> list[tuple[str, float]]:
        """Earlier published realisations of one series, for the outlier and jump warnings."""
        if self._partition != (indicator, area):
            self._read_partition(indicator, area)
        return list(self._series.get(breakdown, ()))
