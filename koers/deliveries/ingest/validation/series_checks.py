"""Warnings against a series' own history: outliers (modified z-score) and large jumps.

A series is one indicator, area, breakdown and periodicity (a year is never compared with
its months), realisations only. Its history is the
file's own values plus what `ValidationContext.history` returns (the file wins where
both give a period). These are warnings: they never block an import.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from koers.deliveries.ingest.errors import PeriodCodeError
from koers.deliveries.ingest.periods import periodicity, previous_period
from koers.deliveries.ingest.validation.errors import number_text
from koers.deliveries.ingest.validation.file_checks import Tally
from koers.deliveries.ingest.validation.findings import CheckContext
from koers.deliveries.ingest.validation.ledger import LedgerData, dense_ids
from koers.deliveries.ingest.validation.rules import LargeJump, Outlier


@dataclass(frozen=True)
class SeriesPoints:
    series: np.ndarray  # dense series id per point
    period: np.ndarray  # index into `periods`
    value: np.ndarray
    at: np.ndarray  # ledger position of a file point, -1 for history
    periods: list[str]


def series_points(data: LedgerData, context: CheckContext) -> SeriesPoints | None:
    """The realisation points of every series in the file, plus their history."""
    kinds = data.names["value_kind"]
    if "realisation" not in kinds:
        return None
    at = np.flatnonzero(
        (data.ids["value_kind"] == kinds.index("realisation")) & ~np.isnan(data.values)
    )
    if not len(at):
        return None
    columns = ("indicator", "area", "breakdown")
    kinds = _periodicity_ids(data.names["period"])
    series = dense_ids(data.key(columns)[at])
    series = dense_ids(series * len(_KINDS) + kinds[data.ids["period"][at]])
    series = series.astype(np.int32)  # int32: 20 bytes a point
    at = at.astype(np.int32)
    periods = list(data.names["period"])
    points = [(series, data.ids["period"][at], data.values[at], at)]
    lookup = context.validation.history
    if lookup is not None:
        member = np.zeros(series.max() + 1, dtype=np.int64)
        member[series] = at
        index = {p: i for i, p in enumerate(periods)}
        past: list[tuple[int, int, float]] = []
        for s, i in enumerate(member):
            names = [data.names[c][data.ids[c][i]] for c in columns]
            kind = kinds[data.ids["period"][i]]
            for period, value in lookup(*names):
                if _periodicity_id(period) != kind:
                    continue  # another periodicity is another series
                past.append((s, index.setdefault(period, len(index)), float(value)))
        periods = list(index)
        if past:
            hs = np.array([s for s, _, _ in past], dtype=np.int32)
            hp = np.array([p for _, p, _ in past], dtype=np.int32)
            hv = np.array([v for _, _, v in past], dtype=np.float64)
            size = len(periods)
            fresh = ~np.isin(
                hs.astype(np.int64) * size + hp, series.astype(np.int64) * size + points[0][1]
            )
            points.append((hs[fresh], hp[fresh], hv[fresh], np.full(fresh.sum(), -1, np.int32)))
    joined = [np.concatenate(part) for part in zip(*points, strict=True)]
    return SeriesPoints(*joined, periods=periods)


_KINDS = ("year", "half_year", "quarter", "month", "window", "other")


@lru_cache(maxsize=65_536)
def _periodicity_id(code: str) -> int:
    """A small id of a period code's periodicity (shifted years and unknowns: last)."""
    try:
        kind = periodicity(code)
    except PeriodCodeError:
        kind = None
    return _KINDS.index(kind) if kind in _KINDS else len(_KINDS) - 1


def _periodicity_ids(periods: list[str]) -> np.ndarray:
    """Per period code, the id of its periodicity."""
    return np.array([_periodicity_id(code) for code in periods], dtype=np.int64)


def _by_series_then_value(series: np.ndarray, values: np.ndarray) -> np.ndarray:
    """The order of np.lexsort((values, series)), from two plain sorts: lexsort's stable
    sort of floats is several times slower on unsorted values."""
    rank = np.empty(len(values), dtype=np.int64)
    rank[np.argsort(values)] = np.arange(len(values))
    return np.argsort(series.astype(np.int64) * max(1, len(values)) + rank)


def _group_median(series: np.ndarray, values: np.ndarray, count: np.ndarray) -> np.ndarray:
    """Median of `values` per series id (NaN for empty series)."""
    order = _by_series_then_value(series, values)
    ordered = values[order]
    start = np.concatenate([[0], np.cumsum(count)[:-1]])
    low = start + np.maximum(count - 1, 0) // 2
    high = start + count // 2
    safe = np.clip([low, high], 0, max(len(ordered) - 1, 0))
    return np.where(count > 0, (ordered[safe[0]] + ordered[safe[1]]) / 2, np.nan)


class Outliers:
    """Modified z-score 0.6745 (x - median) / MAD above the threshold, with >= N points."""

    def finish(
        self, points: SeriesPoints, data: LedgerData, context: CheckContext
    ) -> Iterator[Tally]:
        settings = context.validation
        count = np.bincount(points.series)
        median = _group_median(points.series, points.value, count)
        deviation = np.abs(points.value - median[points.series])
        mad = _group_median(points.series, deviation, count)
        with np.errstate(divide="ignore", invalid="ignore"):
            score = 0.6745 * (points.value - median[points.series]) / mad[points.series]
        enough = count[points.series] >= settings.outlier_min_points
        flagged = np.flatnonzero(
            (points.at >= 0)
            & enough
            & (mad[points.series] > 0)
            & (np.abs(score) > settings.outlier_threshold)
        )
        if not len(flagged):
            return

        def errors():
            for p in flagged:
                at = points.at[p]
                yield Outlier(
                    file=context.file,
                    row=int(data.rows[at]),
                    column=data.names["source_column"][data.ids["source_column"][at]],
                    value=number_text(points.value[p]),
                    params={
                        "median": number_text(median[points.series[p]]),
                        "score": f"{score[p]:.1f}",
                    },
                )

        yield Tally(Outlier, len(flagged), errors())


class LargeJumps:
    """A relative change above the threshold since the previous period of the same series."""

    def finish(
        self, points: SeriesPoints, data: LedgerData, context: CheckContext
    ) -> Iterator[Tally]:
        index = {p: i for i, p in enumerate(points.periods)}
        previous = np.array([index.get(_previous(p), -1) for p in points.periods], dtype=np.int64)
        size = len(points.periods)
        series = points.series.astype(np.int64)
        key = series * size + points.period
        # stable: with a duplicated period (an error of its own) the first one delivered
        # counts as the previous value, whatever order the ledger was read back in
        order = np.argsort(key, kind="stable")
        ordered = key[order]
        del key  # the sorted copy is enough from here on
        wanted = series * size + previous[points.period]
        spot = np.clip(np.searchsorted(ordered, wanted), 0, len(order) - 1)
        found = (previous[points.period] >= 0) & (ordered[spot] == wanted)
        del ordered, wanted
        before = points.value[order[spot]]
        with np.errstate(divide="ignore", invalid="ignore"):
            change = (points.value - before) / np.abs(before)
        threshold = context.validation.jump_threshold
        flagged = np.flatnonzero(
            (points.at >= 0) & found & (before != 0) & (np.abs(change) > threshold)
        )
        if not len(flagged):
            return

        def errors():
            for p in flagged:
                at = points.at[p]
                yield LargeJump(
                    file=context.file,
                    row=int(data.rows[at]),
                    column=data.names["source_column"][data.ids["source_column"][at]],
                    value=number_text(points.value[p]),
                    params={
                        "change": f"{change[p]:+.0%}",
                        "previous_period": points.periods[previous[points.period[p]]],
                        "previous": number_text(before[p]),
                    },
                )

        yield Tally(LargeJump, len(flagged), errors())


def _previous(period: str) -> str | None:
    try:
        return previous_period(period)
    except PeriodCodeError:
        return None


SERIES_CHECKS = (Outliers(), LargeJumps())
