"""Format plugins. Built-ins are registered like outside plugins, first match wins."""

from __future__ import annotations

from pathlib import Path

from koers.deliveries.ingest.errors import UnsupportedFormatError
from koers.deliveries.ingest.limit_checks import check_file_size
from koers.deliveries.ingest.limits import DEFAULT_LIMITS, IngestLimits
from koers.deliveries.ingest.mapping import FormatOptions
from koers.deliveries.ingest.readers.base import RawBatch, RawSource, Reader, RowProblem
from koers.deliveries.ingest.readers.csv_reader import CsvReader, sniff_delimiter
from koers.deliveries.ingest.readers.json_reader import JsonReader
from koers.deliveries.ingest.readers.xlsx_reader import XlsxReader

__all__ = [
    "RawBatch",
    "RawSource",
    "Reader",
    "RowProblem",
    "open_source",
    "reader_for",
    "register_reader",
    "sniff_delimiter",
]

# CSV last: it accepts any text file, so the specific formats must get their chance first.
_READERS: list[Reader] = [XlsxReader(), JsonReader(), CsvReader()]


def register_reader(reader: Reader, *, first: bool = True) -> None:
    """Add a format plugin; by default it is tried before the built-ins."""
    _READERS.insert(0 if first else len(_READERS), reader)


def reader_for(path: Path, options: FormatOptions | None = None) -> Reader:
    """The plugin named by `options.type`, else the first whose `detect` accepts the file."""
    if options is not None and options.type:
        for reader in _READERS:
            if reader.name == options.type:
                return reader
        raise UnsupportedFormatError(f"no reader for format {options.type!r}", path=str(path))
    with path.open("rb") as fh:
        head = fh.read(1 << 16)
    for reader in _READERS:
        if reader.detect(path, head):
            return reader
    raise UnsupportedFormatError(f"cannot tell the format of {path.name}", path=str(path))


def open_source(
    path: Path, options: FormatOptions | None = None, *, limits: IngestLimits = DEFAULT_LIMITS
) -> RawSource:
    """Detect the format and open the file: the header is read, rows are not yet.

    Raises LimitExceeded when the file breaks a limit (checked before a reader allocates).
    """
    options = options or FormatOptions()
    check_file_size(path, limits)
    return reader_for(path, options).open(path, options, limits=limits)
