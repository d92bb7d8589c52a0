"""CSV reader: sniffed delimiter, optional BOM, quoted or padded fields, streamed in chunks.

The file is cut into chunks of exactly `batch_rows` lines and each chunk is parsed by
pyarrow (all columns as strings). While every line is one well-formed record, row numbers
are exact by counting lines. The first chunk that is not (a short or long row, a blank
line, a newline inside quotes, a cut that falls inside quotes) switches the rest of the
file to Python's csv module, which is slower but tracks physical line numbers and reports
each broken row.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import ClassVar

import numpy as np
import pyarrow as pa
import pyarrow.csv as pa_csv

from koers.deliveries.ingest.errors import UnreadableFileError
from koers.deliveries.ingest.limit_checks import LimitExceeded, check_cells, check_columns
from koers.deliveries.ingest.limits import IngestLimits
from koers.deliveries.ingest.mapping import FormatOptions
from koers.deliveries.ingest.readers.base import RawBatch, RowProblem, string_columns
from koers.deliveries.ingest.validation.rules import CellTooLong

_BOM = codecs.BOM_UTF8
_CANDIDATES = (";", ",", "\t", "|")
_HEAD = 1 << 16


def sniff_delimiter(header_line: str) -> str:
    """The candidate delimiter seen most often outside quotes in the header line (default ,)."""
    counts = dict.fromkeys(_CANDIDATES, 0)
    quoted = False
    for char in header_line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(_CANDIDATES, key=lambda c: (counts[c], c == ","))
    return best if counts[best] else ","


class CsvReader:
    name: ClassVar[str] = "csv"

    def detect(self, path: Path, head: bytes) -> bool:
        return path.suffix.lower() in (".csv", ".tsv", ".txt") or b"\x00" not in head

    def open(self, path: Path, options: FormatOptions, *, limits: IngestLimits) -> CsvSource:
        return CsvSource(path, options, limits)


def _header(line: str, delimiter: str, limits: IngestLimits) -> list[str]:
    """The header names, within the column and cell limits (checked before csv parses them)."""
    longest = max(len(part) for part in line.split(delimiter))
    if longest > limits.max_cell_chars:  # csv itself refuses fields over 128 KB with an error
        raise LimitExceeded(
            CellTooLong,
            row=1,
            column=None,
            value=line[:100],
            length=longest,
            limit=limits.max_cell_chars,
        )
    try:
        names = [name.strip() for name in next(csv.reader([line], delimiter=delimiter))]
    except csv.Error as exc:
        raise UnreadableFileError(f"the header row cannot be read: {exc}") from exc
    check_columns(len(names), limits)
    return names


class CsvSource:
    """An opened CSV file: header read and delimiter known; `batches` streams the rows."""

    def __init__(self, path: Path, options: FormatOptions, limits: IngestLimits) -> None:
        self.path = path
        self.limits = limits
        self.encoding = codecs.lookup(options.encoding).name
        if "\n".encode(self.encoding) != b"\n":
            raise UnreadableFileError(f"encoding {options.encoding!r} is not ASCII-compatible")
        with path.open("rb") as fh:
            head = fh.read(_HEAD)
            while b"\n" not in head and len(head) < 64 * _HEAD and (more := fh.read(_HEAD)):
                head += more
        start = len(_BOM) if head.startswith(_BOM) else 0
        line, _, _ = head[start:].partition(b"\n")
        try:
            text = line.decode(self.encoding).rstrip("\r")
        except UnicodeDecodeError as exc:
            raise UnreadableFileError(f"header is not valid {self.encoding}: {exc}") from exc
        if not text.strip():
            raise UnreadableFileError("the file has no header row")
        self.delimiter = options.delimiter or sniff_delimiter(text)
        self.header = _header(text, self.delimiter, limits)
        self._data_start = start + len(line) + 1
        self._line_bytes = max(16, len(head) // max(1, head.count(b"\n")))

    def batches(self, columns: Sequence[str], *, batch_rows: int) -> Iterator[RawBatch]:
        cells, width = 0, len(self.header)
        for batch in self._batches(columns, batch_rows):
            cells += (batch.num_rows + len(batch.problems)) * width
            check_cells(
                cells, self.limits, row=batch.source_row[-1].as_py() if batch.num_rows else None
            )
            yield batch

    def _batches(self, columns: Sequence[str], batch_rows: int) -> Iterator[RawBatch]:
        next_row = 2
        for offset, chunk, lines in self._chunks(batch_rows):
            # an odd number of quotes: the cut fell inside a quoted field (a note with a
            # newline), which pyarrow would read as a closed field and a short next row
            cut_in_quotes = np.count_nonzero(np.frombuffer(chunk, dtype=np.uint8) == 34) % 2
            table = None if cut_in_quotes else self._parse(chunk, columns, next_row)
            if table is None or table.num_rows != lines:
                yield from self._python_batches(offset, next_row, columns, batch_rows)
                return
            arrays = {name: table[name].combine_chunks() for name in columns}
            rows = pa.array(np.arange(next_row, next_row + lines, dtype=np.int64))
            yield RawBatch(columns=arrays, source_row=rows)
            next_row += lines

    def _chunks(self, batch_rows: int) -> Iterator[tuple[int, bytes, int]]:
        """(byte offset, bytes, line count) pieces of exactly batch_rows lines, the last shorter."""
        block = self._line_bytes * batch_rows * 5 // 4
        with self.path.open("rb") as fh:
            fh.seek(self._data_start)
            offset, buf, eof = self._data_start, bytearray(), False
            while True:
                if not eof:
                    data = fh.read(block)
                    eof = not data
                    buf += data
                newlines = np.flatnonzero(np.frombuffer(buf, dtype=np.uint8) == 10)
                if len(newlines) >= batch_rows:
                    cut, lines = int(newlines[batch_rows - 1]) + 1, batch_rows
                elif eof:
                    cut, lines = len(buf), len(newlines) + (1 if buf and buf[-1] != 10 else 0)
                else:
                    continue
                if cut == 0:
                    return
                chunk = bytes(buf[:cut])
                del buf[:cut]
                yield offset, chunk, lines
                offset += cut

    def _parse(self, chunk: bytes, columns: Sequence[str], first_row: int) -> pa.Table | None:
        """The chunk as a string table, or None when any row has the wrong number of fields."""
        broken: list[object] = []

        def note(row: object) -> str:
            broken.append(row)
            return "skip"

        try:
            if self.encoding != "utf-8":
                chunk = chunk.decode(self.encoding).encode("utf-8")
            table = pa_csv.read_csv(
                pa.BufferReader(chunk),
                read_options=pa_csv.ReadOptions(column_names=self.header, use_threads=True),
                parse_options=pa_csv.ParseOptions(
                    delimiter=self.delimiter, ignore_empty_lines=False, invalid_row_handler=note
                ),
                convert_options=pa_csv.ConvertOptions(
                    include_columns=list(columns),
                    column_types=dict.fromkeys(columns, pa.string()),
                    strings_can_be_null=False,
                    quoted_strings_can_be_null=False,
                    null_values=[],
                ),
            )
        except (pa.ArrowInvalid, UnicodeDecodeError):
            return None  # the exact path finds the row and says what is wrong with it
        return None if broken else table

    def _python_batches(
        self, offset: int, first_row: int, columns: Sequence[str], batch_rows: int
    ) -> Iterator[RawBatch]:
        """Slow exact path from `offset` to the end: physical line numbers, broken rows kept."""
        width = len(self.header)
        rows: list[list[str]] = []
        numbers: list[int] = []
        problems: list[RowProblem] = []
        with self.path.open("rb") as raw:
            raw.seek(offset)
            text = io.TextIOWrapper(raw, encoding=self.encoding, newline="")
            reader = csv.reader(text, delimiter=self.delimiter)
            consumed = 0
            try:
                for record in reader:
                    row, consumed = first_row + consumed, reader.line_num
                    if not record:
                        continue  # a blank line is not a record
                    if len(record) < width:
                        problems.append(
                            RowProblem(row, width, len(record), self.header[len(record)])
                        )
                    elif len(record) > width and any(f.strip() for f in record[width:]):
                        problems.append(RowProblem(row, width, len(record), None))
                    else:
                        rows.append(record)
                        numbers.append(row)
                    if len(rows) >= batch_rows:
                        yield self._batch(rows, numbers, problems, columns)
                        rows, numbers, problems = [], [], []
            except csv.Error as exc:
                if "field larger than field limit" in str(exc):
                    raise LimitExceeded(
                        CellTooLong,
                        row=first_row + consumed,
                        length=f">{csv.field_size_limit()}",
                        limit=self.limits.max_cell_chars,
                    ) from exc
                raise UnreadableFileError(f"row {first_row + consumed}: {exc}") from exc
            except UnicodeDecodeError as exc:
                raise UnreadableFileError(f"row {first_row + consumed}: {exc}") from exc
        if rows or problems:
            yield self._batch(rows, numbers, problems, columns)

    def _batch(self, rows, numbers, problems, columns) -> RawBatch:
        return RawBatch(
            columns=string_columns(rows, self.header, columns),
            source_row=pa.array(numbers, pa.int64()),
            problems=tuple(problems),
        )
