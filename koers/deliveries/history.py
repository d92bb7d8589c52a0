"""Per indicator, the published values and highest versions, loaded once per import."""

from __future__ import annotations

from collections import defaultdict

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
        self._series: dict[str, dict] = {}
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

    def lookup(self, indicator: str, area: str, breakdown: str) -> list[tuple[str, float]]:
        """Earlier published realisations of one series, for the outlier and jump warnings."""
        if indicator not in self._series:
            series = defaultdict(list)
            indicator_id = self._indicator_ids.get(indicator)
            if indicator_id is not None:
                table = self.current(indicator_id)
                table = table.filter(
                    pc.and_(
                        pc.equal(table["value_kind"], "realisation"),
                        pc.is_valid(table["cur_value"]),
                    )
                ).to_pydict()
                for area_id, period, part, value in zip(
                    table["area_id"], table["period"], table["breakdown"], table["cur_value"],
                    strict=True,
                ):  # fmt: skip
                    series[(self._area_codes[area_id], part)].append((period, value))
            self._series[indicator] = series
        return self._series[indicator].get((area, breakdown), [])
