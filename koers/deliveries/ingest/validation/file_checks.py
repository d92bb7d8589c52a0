"""Checks over the whole file, run once the stream is consumed: duplicate keys, and
breakdown parts that add up to more than their total.

They return Tallies: the exact count, and the detailed errors lazily, so that a file
with a million duplicates does not build a million objects.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from koers.deliveries.ingest.breakdown import TOTAL, canonical_breakdown, parse_breakdown
from koers.deliveries.ingest.validation.breakdown_notes import overlapping_dimensions
from koers.deliveries.ingest.validation.errors import ValidationError, number_text
from koers.deliveries.ingest.validation.findings import CheckContext
from koers.deliveries.ingest.validation.ledger import KEY_COLUMNS, LedgerData
from koers.deliveries.ingest.validation.rules import DuplicateKey, PartsExceedTotal


@dataclass(frozen=True)
class Tally:
    error: type[ValidationError]
    count: int
    errors: Iterator[ValidationError]


class DuplicateKeys:
    """No two observations may share indicator, area, period, breakdown and value kind."""

    def finish(self, data: LedgerData, context: CheckContext) -> Iterator[Tally]:
        key = data.key(KEY_COLUMNS)
        order = np.lexsort((data.rows, key))
        ordered = key[order]
        new_group = np.r_[True, ordered[1:] != ordered[:-1]]
        repeats = np.flatnonzero(~new_group)
        if not len(repeats):
            return
        starts = np.flatnonzero(new_group)
        firsts = starts[np.searchsorted(starts, repeats, side="right") - 1]

        def errors() -> Iterator[ValidationError]:
            for at, first in zip(order[repeats], order[firsts], strict=True):
                yield DuplicateKey(
                    file=context.file,
                    row=int(data.rows[at]),
                    column=data.names["source_column"][data.ids["source_column"][at]],
                    value=number_text(data.values[at]),
                    params={"first_row": int(data.rows[first]), "key": data.describe(at)},
                )

        yield Tally(DuplicateKey, len(repeats), errors())


_GROUP = ("indicator", "area", "period", "value_kind")


def _radix(columns: list[np.ndarray], sizes: list[int]) -> np.ndarray | None:
    """Mixed-radix int64 key of several id columns, or None if it could overflow."""
    if float(np.prod(np.array(sizes, dtype=float))) >= 2.0**62:
        return None
    key = np.zeros(len(columns[0]), dtype=np.int64)
    for ids, size in zip(columns, sizes, strict=True):
        key = key * size + ids
    return key


class PartsWithinTotal:
    """The parts of a breakdown dimension may not add up to more than their total.

    A code rolls up into `_T` unless the indicator declares another parent (solar on
    roofs -> solar); parts are only compared when their total was delivered too, only for
    indicators whose parts add up (area rule `sum`: not a median, mean, rate or index),
    and never in a dimension the mapping marks `overlapping`.
    """

    def finish(self, data: LedgerData, context: CheckContext) -> Iterator[Tally]:
        links = self._links(data, context)
        if links is None:
            return
        rows, parents, dims, places, dim_names = links
        sizes = [max(1, len(data.names[c])) for c in (*_GROUP, "breakdown")]
        group_key = _radix([*(data.ids[c][rows] for c in _GROUP), parents], sizes)
        total_key = _radix([data.ids[c] for c in (*_GROUP, "breakdown")], sizes)
        room = float(np.prod(np.array(sizes, dtype=float))) * len(dim_names) < 2.0**62
        if group_key is None or total_key is None or not room:
            return
        groups, inverse = np.unique(group_key * len(dim_names) + dims, return_inverse=True)
        values = data.values[rows]
        present = ~np.isnan(values)
        sums = np.bincount(inverse, weights=np.where(present, values, 0.0))
        counts = np.bincount(inverse, weights=present.astype(float))
        member = np.zeros(len(groups), dtype=np.int64)
        member[inverse] = np.arange(len(rows))
        order = np.argsort(total_key, kind="stable")
        wanted = groups // len(dim_names)
        spot = np.clip(np.searchsorted(total_key[order], wanted), 0, len(order) - 1)
        found = total_key[order][spot] == wanted
        total_at = order[spot]
        totals = np.where(found, data.values[total_at], np.nan)
        group_places = places[member]
        rounding = np.where(
            group_places >= 0, 0.5 * counts * 10.0 ** -np.clip(group_places, 0, None), 0.0
        )
        tolerance = np.maximum(rounding, 1e-9 * np.abs(np.nan_to_num(totals)))
        with np.errstate(invalid="ignore"):
            over = np.flatnonzero(found & (counts > 0) & (sums > totals + tolerance))
        if not len(over):
            return

        def errors() -> Iterator[ValidationError]:
            for g in over:
                at = total_at[g]
                yield PartsExceedTotal(
                    file=context.file,
                    row=int(data.rows[at]),
                    column=data.names["source_column"][data.ids["source_column"][at]],
                    value=number_text(totals[g]),
                    params={"dimension": dim_names[dims[member[g]]], "parts": number_text(sums[g])},
                )

        yield Tally(PartsExceedTotal, len(over), errors())

    def _links(self, data: LedgerData, context: CheckContext):
        """Per part observation: its row, the breakdown id of its total, its dimension."""
        names, specs = data.names, context.validation.indicators
        known = {b: i for i, b in enumerate(names["breakdown"])}
        if len(data) == 0 or len(known) < 2:
            return None
        pair = data.ids["indicator"].astype(np.int64) * len(known) + data.ids["breakdown"]
        order = np.argsort(pair, kind="stable")
        ordered = pair[order]
        rows, parents, dims, places = [], [], [], []
        dim_ids: dict[str, int] = {}
        overlapping = overlapping_dimensions(context.mapping)
        for value in np.unique(pair):
            indicator, breakdown = (
                names["indicator"][value // len(known)],
                names["breakdown"][value % len(known)],
            )
            spec = specs.get(indicator)
            if spec is not None and not spec.additive:
                continue  # a median or rate of the parts never adds up to the total's
            parts = parse_breakdown(breakdown)
            lo, hi = np.searchsorted(ordered, [value, value + 1])
            for dim, code in parts.items():
                if dim in overlapping:
                    continue
                parent_code = spec.parent_code(dim, code) if spec else TOTAL
                parent = known.get(canonical_breakdown({**parts, dim: parent_code}))
                if parent is None:
                    continue  # no total delivered for these parts
                span = order[lo:hi]
                rows.append(span)
                parents.append(np.full(len(span), parent, dtype=np.int64))
                dims.append(np.full(len(span), dim_ids.setdefault(dim, len(dim_ids))))
                rounded = spec and spec.decimals is not None and spec.value_type != "integer"
                decimals = spec.decimals if rounded else -1  # counts are exact: no tolerance
                places.append(np.full(len(span), decimals))
        if not rows:
            return None
        joined = [np.concatenate(parts) for parts in (rows, parents, dims, places)]
        return (*joined, list(dim_ids))


FILE_CHECKS = (DuplicateKeys(), PartsWithinTotal())
