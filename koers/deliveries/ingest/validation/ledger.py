"""A compact record of every emitted observation, for the checks that need the whole file.

Duplicates, parts-versus-total and the history warnings look across batches. Rather than
keeping the batches, the ledger keeps integer ids per key column plus value and row (36
bytes per observation, whatever the width of the file), and spills them to temporary
files, split into PARTITIONS by indicator and area. Every whole-file check compares only
observations of one indicator and area (a duplicate shares the whole key, parts share
their total's area, a series is one indicator, area and breakdown), so the checks run one
partition at a time and the memory an import needs does not grow with the file.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

KEY_COLUMNS = ("indicator", "area", "period", "breakdown", "value_kind")
_ENCODED = (*KEY_COLUMNS, "source_column")
_RECORD = np.dtype([*((c, np.int32) for c in _ENCODED), ("value", np.float64), ("row", np.int32)])

#: Spill files per import; a check holds one at a time (1/32 of the ledger).
PARTITIONS = 32


@dataclass(frozen=True)
class LedgerData:
    """Concatenated ledger arrays; `names[col][ids[col][i]]` is row i's value of col."""

    ids: dict[str, np.ndarray]
    names: dict[str, list[str]]
    values: np.ndarray  # float64, NaN where the value is NULL
    rows: np.ndarray  # int32 source rows

    def __len__(self) -> int:
        return len(self.rows)

    def key(self, columns: Sequence[str]) -> np.ndarray:
        """One int64 per observation that is equal exactly when all `columns` are equal."""
        sizes = [max(1, len(self.names[c])) for c in columns]
        if float(np.prod(np.array(sizes, dtype=float))) < 2.0**62:
            key = np.zeros(len(self.rows), dtype=np.int64)
            for column, size in zip(columns, sizes, strict=True):
                key = key * size + self.ids[column]
            return key
        stacked = np.stack([self.ids[c] for c in columns], axis=1)
        return np.unique(stacked, axis=0, return_inverse=True)[1].astype(np.int64).ravel()

    def describe(self, i: int, columns: Sequence[str] = KEY_COLUMNS) -> str:
        return ", ".join(f"{c}={self.names[c][self.ids[c][i]]}" for c in columns)


def dense_ids(key: np.ndarray) -> np.ndarray:
    """`np.unique(key, return_inverse=True)[1]` for non-negative keys, without sorting when
    the keys span a small range (mixed-radix keys of a few codes usually do)."""
    if not len(key):
        return np.zeros(0, dtype=np.int64)
    top = int(key.max())
    if top >= 4 * len(key) + 1_000_000:
        return np.unique(key, return_inverse=True)[1].ravel()
    present = np.zeros(top + 1, dtype=bool)
    present[key] = True
    return (np.cumsum(present) - 1)[key]


class Ledger:
    """Ids per key column, value and row of every observation, spilled per partition."""

    def __init__(self, *, partitions: int | None = None, temp_dir: str | None = None) -> None:
        self._vocab: dict[str, dict[str, int]] = {column: {} for column in _ENCODED}
        self._partitions = partitions or PARTITIONS
        self._folder = tempfile.TemporaryDirectory(prefix="koers-ledger-", dir=temp_dir)
        self._sizes = np.zeros(self._partitions, dtype=np.int64)

    def _path(self, part: int) -> Path:
        return Path(self._folder.name) / f"{part}.bin"

    def observe(self, batch: pa.RecordBatch) -> None:
        """Record the keys, values and rows of one output batch."""
        if batch.num_rows == 0:
            return
        records = np.empty(batch.num_rows, dtype=_RECORD)
        for column in _ENCODED:
            encoded = pc.dictionary_encode(batch.column(column))
            vocab = self._vocab[column]
            lookup = np.array(
                [vocab.setdefault(v, len(vocab)) for v in encoded.dictionary.to_pylist()],
                dtype=np.int32,
            )
            # NULL ids never reach here (the checks drop rows without a code); fill defends
            records[column] = lookup[pc.fill_null(encoded.indices, 0).to_numpy()]
        values = pc.fill_null(batch.column("value"), float("nan"))
        records["value"] = values.to_numpy(zero_copy_only=False)
        records["row"] = batch.column("source_row").to_numpy()
        part = (records["indicator"].astype(np.int64) * 7919 + records["area"]) % self._partitions
        order = np.argsort(part, kind="stable")
        counts = np.bincount(part, minlength=self._partitions)
        ends = np.cumsum(counts)
        for p in np.flatnonzero(counts):
            with open(self._path(p), "ab") as spill:
                spill.write(records[order[ends[p] - counts[p] : ends[p]]].tobytes())
        self._sizes += counts

    def __len__(self) -> int:
        return int(self._sizes.sum())

    def parts(self) -> Iterator[LedgerData]:
        """Each non-empty partition in turn. Consumes the ledger: a partition's file is
        removed once read, and the folder once all are."""
        names = {c: list(vocab) for c, vocab in self._vocab.items()}
        try:
            for p in np.flatnonzero(self._sizes):
                path = self._path(p)
                records = np.fromfile(path, dtype=_RECORD)
                path.unlink()
                yield LedgerData(
                    ids={c: np.ascontiguousarray(records[c]) for c in _ENCODED},
                    names=names,
                    values=np.ascontiguousarray(records["value"]),
                    rows=np.ascontiguousarray(records["row"]),
                )
        finally:
            self.close()

    def close(self) -> None:
        self._folder.cleanup()
        self._sizes[:] = 0
