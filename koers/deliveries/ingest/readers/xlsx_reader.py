"""XLSX reader (python-calamine): the first non-empty row of the sheet is the header.

Cells become strings: whole floats lose their `.0` (so a code typed as 48 stays `48`),
dates become ISO dates, booleans `true`/`false`, empty cells blank. Row numbers are the
sheet's own row numbers, so they match what the steward sees in Excel. The workbook's
zip sizes and the sheet's extent are checked first (xlsx_guard.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import ClassVar

import pyarrow as pa
from python_calamine import CalamineError, CalamineWorkbook

from koers.deliveries.ingest.errors import UnreadableFileError
from koers.deliveries.ingest.limit_checks import check_columns
from koers.deliveries.ingest.limits import IngestLimits
from koers.deliveries.ingest.mapping import FormatOptions
from koers.deliveries.ingest.readers.base import RawBatch, string_columns
from koers.deliveries.ingest.readers.xlsx_guard import check_workbook

_ZIP = b"PK\x03\x04"


def cell_text(value: object) -> str:
    """The text a steward would see for one cell value."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    return str(value)


class XlsxReader:
    name: ClassVar[str] = "xlsx"

    def detect(self, path: Path, head: bytes) -> bool:
        return path.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods") or head.startswith(_ZIP)

    def open(self, path: Path, options: FormatOptions, *, limits: IngestLimits) -> XlsxSource:
        return XlsxSource(path, options, limits)


class XlsxSource:
    def __init__(self, path: Path, options: FormatOptions, limits: IngestLimits) -> None:
        check_workbook(path, limits, options.sheet)  # before calamine allocates the sheet
        try:
            book = CalamineWorkbook.from_path(str(path))
            if options.sheet:
                sheet = book.get_sheet_by_name(options.sheet)
            else:
                sheet = book.get_sheet_by_index(0)
            rows = sheet.iter_rows()
        except (CalamineError, OSError, ValueError) as exc:
            raise UnreadableFileError(f"cannot open workbook: {exc}") from exc
        self._rows = enumerate(rows, start=1)
        self.header: list[str] = []
        for _number, row in self._rows:
            texts = [cell_text(cell).strip() for cell in row]
            if any(texts):
                self.header = texts
                break
        if not self.header:
            raise UnreadableFileError("the sheet has no header row")
        check_columns(len(self.header), limits)

    def batches(self, columns: Sequence[str], *, batch_rows: int) -> Iterator[RawBatch]:
        width = len(self.header)
        rows: list[list[str]] = []
        numbers: list[int] = []
        for number, row in self._checked(self._rows):
            texts = [cell_text(cell) for cell in row][:width]
            if not any(text.strip() for text in texts):
                continue  # empty rows below or between the data are not observations
            rows.append(texts + [""] * (width - len(texts)))
            numbers.append(number)
            if len(rows) >= batch_rows:
                yield self._batch(rows, numbers, columns)
                rows, numbers = [], []
        if rows:
            yield self._batch(rows, numbers, columns)

    @staticmethod
    def _checked(rows: Iterator) -> Iterator:
        """The sheet's rows; calamine reads lazily, so a broken sheet fails here."""
        try:
            yield from rows
        except CalamineError as exc:
            raise UnreadableFileError(f"cannot read the sheet: {exc}") from exc

    def _batch(self, rows: list[list[str]], numbers: list[int], columns: Sequence[str]) -> RawBatch:
        return RawBatch(
            columns=string_columns(rows, self.header, columns),
            source_row=pa.array(numbers, pa.int64()),
        )
