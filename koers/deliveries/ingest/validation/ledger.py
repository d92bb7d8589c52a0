"""A compact record of every emitted observation, for the checks that need the whole file.

Duplicates, parts-versus-total and the history warnings look across batches. Rather than
keeping the batches, the ledger keeps integer ids per key column plus value and row:
about 36 bytes per observation (36 MB for a million), whatever the width of the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

KEY_COLUMNS = ("indicator", "area", "period", "breakdown", "value_kind")
_ENCODED = (*KEY_COLUMNS, "source_column")


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
    def __init__(self) -> None:
        self._vocab: dict[str, dict[str, int]] = {column: {} for column in _ENCODED}
        self._ids: dict[str, list[np.ndarray]] = {column: [] for column in _ENCODED}
        self._values: list[np.ndarray] = []
        self._rows: list[np.ndarray] = []

    def observe(self, batch: pa.RecordBatch) -> None:
        """Record the keys, values and rows of one output batch."""
        if batch.num_rows == 0:
            return
        for column in _ENCODED:
            encoded = pc.dictionary_encode(batch.column(column))
            vocab = self._vocab[column]
            lookup = np.array(
                [vocab.setdefault(v, len(vocab)) for v in encoded.dictionary.to_pylist()],
                dtype=np.int64,
            )
            self._ids[column].append(lookup[encoded.indices.to_numpy()].astype(np.int32))
        values = pc.fill_null(batch.column("value"), float("nan"))
        self._values.append(values.to_numpy(zero_copy_only=False))
        self._rows.append(batch.column("source_row").to_numpy().astype(np.int32))

    def data(self) -> LedgerData:
        """The joined arrays. Consumes the ledger: each column's batch parts are released as
        soon as they are joined, so the whole-file checks never hold two copies."""

        def joined(parts: list[np.ndarray], dtype: type) -> np.ndarray:
            whole = np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)
            parts.clear()
            return whole

        return LedgerData(
            ids={c: joined(parts, np.int32) for c, parts in self._ids.items()},
            names={c: list(vocab) for c, vocab in self._vocab.items()},
            values=joined(self._values, np.float64),
            rows=joined(self._rows, np.int32),
        )
