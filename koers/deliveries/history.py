"""Current values per indicator, loaded once per delivery, for diffing and warnings."""

from __future__ import annotations

from collections import defaultdict

import pyarrow as pa

from koers.areas.models import Area
from koers.deliveries import versions
from koers.indicators.models import Indicator


class HistoryCache:
    """Loads each indicator's current observations on first use."""

    def __init__(self) -> None:
        self._current: dict[int, pa.Table] = {}
        self._series: dict[str, dict] = {}
        self._indicator_ids = dict(Indicator.objects.values_list("code", "pk"))
        self._area_codes = dict(Area.objects.values_list("pk", "code"))

    def current(self, indicator_id: int) -> pa.Table:
        if indicator_id not in self._current:
            self._current[indicator_id] = versions.current_for_indicator(indicator_id)
        return self._current[indicator_id]

    def lookup(self, indicator: str, area: str, breakdown: str) -> list[tuple[str, float]]:
        """Earlier realisations of one series, for the outlier and jump warnings."""
        if indicator not in self._series:
            series = defaultdict(list)
            indicator_id = self._indicator_ids.get(indicator)
            if indicator_id is not None:
                table = self.current(indicator_id).to_pydict()
                for area_id, period, part, kind, value in zip(
                    table["area_id"], table["period"], table["breakdown"],
                    table["value_kind"], table["cur_value"], strict=True,
                ):  # fmt: skip
                    if kind == "realisation" and value is not None:
                        series[(self._area_codes[area_id], part)].append((period, value))
            self._series[indicator] = series
        return self._series[indicator].get((area, breakdown), [])
