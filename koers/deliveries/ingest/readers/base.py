"""The reader plugin shape: `detect` a format from the file, `open` it, stream raw batches.

A reader knows bytes, not meaning: it yields every requested column as untrimmed strings
plus the source row number of each row, and reports rows whose field count is wrong.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Protocol

import pyarrow as pa

from koers.deliveries.ingest.limits import IngestLimits
from koers.deliveries.ingest.mapping import FormatOptions


@dataclass(frozen=True)
class RowProblem:
    """A row with fewer (short) or more (long) fields than the header."""

    row: int
    expected: int
    actual: int
    first_missing: str | None  # header name of the first absent field of a short row

    @property
    def short(self) -> bool:
        return self.actual < self.expected


@dataclass(frozen=True)
class RawBatch:
    """Requested columns as string arrays, with source row numbers and broken rows."""

    columns: dict[str, pa.Array]
    source_row: pa.Array  # int64, 1-based, header = row 1
    problems: tuple[RowProblem, ...] = ()

    @property
    def num_rows(self) -> int:
        return len(self.source_row)


class RawSource(Protocol):
    header: list[str]

    def batches(self, columns: Sequence[str], *, batch_rows: int) -> Iterator[RawBatch]: ...


class Reader(Protocol):
    """A format plugin. `detect` sees the path and the first 64 KiB of the file."""

    name: ClassVar[str]

    def detect(self, path: Path, head: bytes) -> bool: ...

    def open(self, path: Path, options: FormatOptions, *, limits: IngestLimits) -> RawSource:
        """Open the file within `limits`: raise LimitExceeded before allocating beyond them."""
        ...


def string_columns(rows: list[list[str]], header: Sequence[str], wanted: Sequence[str]) -> dict:
    """Column-wise string arrays for the wanted header names from row lists (non-CSV readers)."""
    index = {name: i for i, name in enumerate(header)}
    return {name: pa.array([row[index[name]] for row in rows], pa.string()) for name in wanted}
