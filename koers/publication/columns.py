"""Column kernels for big exports: work once per distinct value, join text in C++."""

from __future__ import annotations

from collections.abc import Callable

import pyarrow as pa
import pyarrow.compute as pc

TEXT = pa.string()


def per_distinct(
    column: pa.ChunkedArray | pa.Array, fn: Callable, type_: pa.DataType = TEXT
) -> pa.ChunkedArray:
    """``fn(value)`` for every row, computed once per distinct value (codes repeat a lot)."""
    column = column if isinstance(column, pa.ChunkedArray) else pa.chunked_array([column])
    chunks = []
    for chunk in column.chunks:
        encoded = chunk.dictionary_encode()
        mapped = pa.array([fn(v) for v in encoded.dictionary.to_pylist()], type_)
        chunks.append(mapped.take(encoded.indices))
    return pa.chunked_array(chunks, type_)


def joined(lines: pa.Array, separator: str = "") -> pa.Buffer:
    """All strings of an array as one UTF-8 buffer, joined by ``separator``."""
    whole = pa.LargeListArray.from_arrays(
        pa.array([0, len(lines)], pa.int64()), lines.cast(pa.large_string())
    )
    return pc.binary_join(whole, pa.scalar(separator, pa.large_string()))[0].as_buffer()
