"""Regroup observation segments into output batches of a fixed number of rows."""

from __future__ import annotations

from collections.abc import Iterator

import pyarrow as pa

from koers.deliveries.ingest.schema import OBSERVATION_SCHEMA


class Rebatcher:
    """Regroups segments of uneven size into batches of exactly `size` rows (last: fewer)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._pending: list[pa.RecordBatch] = []
        self._rows = 0

    def push(self, batch: pa.RecordBatch) -> Iterator[pa.RecordBatch]:
        self._pending.append(batch)
        self._rows += batch.num_rows
        if self._rows >= self.size:
            yield from self._emit(final=False)

    def flush(self) -> Iterator[pa.RecordBatch]:
        yield from self._emit(final=True)

    def _emit(self, *, final: bool) -> Iterator[pa.RecordBatch]:
        table = pa.Table.from_batches(self._pending, schema=OBSERVATION_SCHEMA)
        full = table.num_rows if final else table.num_rows - table.num_rows % self.size
        for start in range(0, full, self.size):
            yield table.slice(start, min(self.size, full - start)).combine_chunks().to_batches()[0]
        self._pending = table.slice(full).combine_chunks().to_batches()
        self._rows = table.num_rows - full
