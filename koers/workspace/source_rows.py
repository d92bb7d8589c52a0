"""Read chosen rows back from a kept original file, numbered as the validation report numbers
them: the header is row 1, CSV rows by physical line, XLSX rows by the sheet's own number."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from python_calamine import CalamineError, CalamineWorkbook

from koers.deliveries.ingest import IngestError, mapping_from_dict
from koers.deliveries.ingest.mapping import FormatOptions
from koers.deliveries.ingest.readers import open_source, reader_for
from koers.deliveries.ingest.readers.xlsx_reader import cell_text

_BOM = codecs.BOM_UTF8


@dataclass(frozen=True)
class SourceRows:
    """The header and the requested rows (row number → cells); empty when unreadable."""

    header: list[str] = field(default_factory=list)
    rows: dict[int, list[str]] = field(default_factory=dict)


def format_options(mapping_text: str) -> FormatOptions | None:
    """The format options of the mapping a delivery was read with (None: detect)."""
    if not mapping_text:
        return None
    try:
        return mapping_from_dict(yaml.safe_load(mapping_text)).format
    except (IngestError, yaml.YAMLError):
        return None


def read_source_rows(
    path: Path, wanted: Iterable[int], *, options: FormatOptions | None = None
) -> SourceRows:
    """The header and the wanted rows of ``path``; reading stops after the last wanted row."""
    wanted = {row for row in wanted if row and row > 1}
    options = options or FormatOptions()
    try:
        kind = reader_for(path, options).name
        if kind == "csv":
            return _csv_rows(path, wanted, options)
        if kind == "xlsx":
            return _xlsx_rows(path, wanted, options)
    except (IngestError, CalamineError, OSError, UnicodeDecodeError, csv.Error):
        pass  # the report already says the file is unreadable; show no context
    return SourceRows()


def _csv_rows(path: Path, wanted: set[int], options: FormatOptions) -> SourceRows:
    source = open_source(path, options)  # the same delimiter and encoding as the import
    found: dict[int, list[str]] = {}
    last = max(wanted, default=1)
    with path.open("rb") as raw:
        if raw.read(len(_BOM)) != _BOM:
            raw.seek(0)
        text = io.TextIOWrapper(raw, encoding=source.encoding, newline="")
        reader = csv.reader(text, delimiter=source.delimiter)
        next(reader, None)
        line = reader.line_num
        for record in reader:
            row, line = line + 1, reader.line_num
            if row > last:
                break
            if row in wanted:
                found[row] = record
    return SourceRows(header=source.header, rows=found)


def _xlsx_rows(path: Path, wanted: set[int], options: FormatOptions) -> SourceRows:
    book = CalamineWorkbook.from_path(str(path))
    sheet = book.get_sheet_by_name(options.sheet) if options.sheet else book.get_sheet_by_index(0)
    header: list[str] = []
    found: dict[int, list[str]] = {}
    last = max(wanted, default=1)
    for number, cells in enumerate(sheet.iter_rows(), start=1):
        texts = [cell_text(cell) for cell in cells]
        if not header:
            header = [text.strip() for text in texts] if any(texts) else []
        elif number in wanted:
            found[number] = texts[: len(header)]
        if number >= last and header:
            break
    return SourceRows(header=header, rows=found)
