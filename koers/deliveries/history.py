"""Per indicator, the published values and highest versions, loaded once per import."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from koers.areas.models import Area
from koers.deliveries import versions
from koers.indicators.models import Indicator


class HistoryCache:
    """Loads each indicator's current state (an Arrow table) on first use.

    The table is kept sorted by area with the row range of each area, so a batch is diffed
    against the slices of its own areas only: a file usually comes area by area, and a
    join that probes a million current rows for every batch would cost as much as the
    import itself.
    """

    def __init__(self) -> None:
        self._current: dict[int, tuple[pa.Table, dict[int, tuple[int, int]]]] = {}
        self._series: dict[str, tuple] = {}
        self._indicator_ids = dict(Indicator.objects.values_list("code", "pk"))
        self._area_codes = dict(Area.objects.values_list("pk", "code"))

    def _load(self, indicator_id: int) -> tuple[pa.Table, dict[int, tuple[int, int]]]:
        if indicator_id not in self._current:
            table = versions.current_for_indicator(indicator_id)
            table = table.take(pc.sort_indices(table["area_id"]))
            areas, starts, counts = np.unique(
                table["area_id"].to_numpy(), return_index=True, return_counts=True
            )
            ranges = dict(zip(areas.tolist(), zip(starts.tolist(), counts.tolist(), strict=True),
                              strict=True))  # fmt: skip
            self._current[indicator_id] = (table, ranges)
        return self._current[indicator_id]

    def current(self, indicator_id: int, area_ids: list[int] | None = None) -> pa.Table:
        """The indicator's current state, or only the rows of ``area_ids``."""
        table, ranges = self._load(indicator_id)
        if area_ids is None:
            return table
        parts = [table.slice(*ranges[area]) for area in area_ids if area in ranges]
        return pa.concat_tables(parts) if parts else table.schema.empty_table()

    def forget(self, indicator_id: int) -> None:
        """Read the indicator again on next use (another import added versions meanwhile)."""
        self._current.pop(indicator_id, None)

    def _series_of(self, indicator: str):
        """Published realisations of one indicator sorted by series, and each series' rows.

        Only a series asked for becomes Python values, one at a time: building tuples for
        every current value of a million-row indicator at once cost more than the diff.
        """
        indicator_id = self._indicator_ids.get(indicator)
        if indicator_id is None:
            return None, {}
        table = self.current(indicator_id)
        table = table.filter(
            pc.and_(pc.equal(table["value_kind"], "realisation"), pc.is_valid(table["cur_value"]))
        )
        parts = pc.dictionary_encode(table["breakdown"]).combine_chunks()
        part_ids = parts.indices.to_numpy(zero_copy_only=False).astype(np.int64)
        keys = table["area_id"].to_numpy() * max(1, len(parts.dictionary)) + part_ids
        order = np.argsort(keys, kind="stable")
        table = table.select(["period", "cur_value"]).take(pa.array(order))
        found, starts, counts = np.unique(keys[order], return_index=True, return_counts=True)
        names = parts.dictionary.to_pylist()
        width = max(1, len(names))
        ranges = {
            (self._area_codes[int(key) // width], names[int(key) % width]): (int(at), int(n))
            for key, at, n in zip(found, starts, counts, strict=True)
        }
        return table, ranges

    def lookup(self, indicator: str, area: str, breakdown: str) -> list[tuple[str, float]]:
        """Earlier published realisations of one series, for the outlier and jump warnings."""
        if indicator not in self._series:
            self._series[indicator] = self._series_of(indicator)
        table, ranges = self._series[indicator]
        if (area, breakdown) not in ranges:
            return []
        part = table.slice(*ranges[(area, breakdown)])
        return list(zip(part["period"].to_pylist(), part["cur_value"].to_pylist(), strict=True))
