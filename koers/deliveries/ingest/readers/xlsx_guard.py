"""Checks on a workbook before calamine opens it: the zip's sizes and the sheet's extent.

calamine allocates the whole sheet at once, sized by its `<dimension>` or by the highest
cell reference: a 5 KB file with one cell at XFD1048576 asks for 512 GiB and aborts the
process. A zip bomb expands a few MB into GBs. Both are refused here with zipfile alone,
from the central directory and one streamed pass over the sheet's XML, never expanding
more than one small chunk at a time.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path

from koers.deliveries.ingest.errors import UnreadableFileError
from koers.deliveries.ingest.limit_checks import LimitExceeded, check_columns, megabytes
from koers.deliveries.ingest.limits import MB, IngestLimits
from koers.deliveries.ingest.validation.rules import TooManyCells, WorkbookExpandsTooMuch

_CHUNK = 1 << 20
_RATIO_FLOOR = MB  # small members (styles, themes) compress extremely well and are harmless
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="([A-Z]*)(\d*):?([A-Z]*)(\d*)"')
_ROW = re.compile(rb'<(?:\w+:)?row\b[^>]*?\sr="(\d+)"')
_WIDE_CELL = re.compile(rb'<(?:\w+:)?c\b[^>]*?\sr="([A-Z]{3,})\d')  # AAA and beyond: > 702
_SHEET = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"')
_REL = re.compile(rb'<Relationship\b[^>]*?\bId="([^"]*)"[^>]*?\bTarget="([^"]*)"')
_REL_ALT = re.compile(rb'<Relationship\b[^>]*?\bTarget="([^"]*)"[^>]*?\bId="([^"]*)"')


def column_number(letters: str) -> int:
    """A1-style column letters as a 1-based number (A -> 1, XFD -> 16384)."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def check_workbook(path: Path, limits: IngestLimits, sheet: str | None = None) -> None:
    """Raise LimitExceeded for a zip bomb or an oversized sheet; no-op for non-zip files."""
    if not zipfile.is_zipfile(path):
        return  # an old binary .xls: its size is bounded by the file limit
    try:
        with zipfile.ZipFile(path) as book:
            _check_expansion(book, limits)
            member = _sheet_member(book, sheet)
            # a sheet that cannot be told from workbook.xml: check every worksheet instead
            for name in [member] if member else _worksheets(book):
                _check_extent(book, name, limits)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, KeyError) as exc:
        raise UnreadableFileError(f"cannot open workbook: {exc}") from exc


def _check_expansion(book: zipfile.ZipFile, limits: IngestLimits) -> None:
    members = book.infolist()
    expanded = sum(info.file_size for info in members)
    worst = max(members, key=lambda i: i.file_size / max(1, i.compress_size), default=None)
    ratio = worst.file_size / max(1, worst.compress_size) if worst else 0.0
    too_dense = (
        worst is not None and worst.file_size > _RATIO_FLOOR and ratio > limits.max_xlsx_ratio
    )
    if too_dense or expanded > limits.max_xlsx_expanded_bytes:
        raise LimitExceeded(
            WorkbookExpandsTooMuch,
            expanded_mb=megabytes(expanded),
            member=worst.filename if worst else "",
            ratio=f"{ratio:.0f}",
            limit_ratio=f"{limits.max_xlsx_ratio:g}",
            limit_mb=megabytes(limits.max_xlsx_expanded_bytes),
        )


def _sheet_member(book: zipfile.ZipFile, sheet: str | None) -> str | None:
    """The zip path of the named (or first) worksheet, from workbook.xml and its rels."""
    names = set(book.namelist())
    if "xl/workbook.xml" not in names:
        return None  # not an Office Open XML workbook (e.g. ODS): calamine decides
    workbook = book.read("xl/workbook.xml")
    sheets = _SHEET.findall(workbook)
    rels_path = "xl/_rels/workbook.xml.rels"
    rels_xml = book.read(rels_path) if rels_path in names else b""
    targets = dict(_REL.findall(rels_xml)) | {k: v for v, k in _REL_ALT.findall(rels_xml)}
    chosen = [rid for name, rid in sheets if sheet is None or name.decode() == sheet][:1]
    target = targets.get(chosen[0]) if chosen else None
    if target is None:
        return None  # calamine reports a missing sheet itself
    text = target.decode()
    member = text.lstrip("/") if text.startswith("/") else posixpath.normpath("xl/" + text)
    return member if member in names else None


def _worksheets(book: zipfile.ZipFile) -> list[str]:
    return [n for n in book.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")]


def _check_extent(book: zipfile.ZipFile, member: str, limits: IngestLimits) -> None:
    """The sheet's rows x columns from <dimension>, its row numbers and wide cell refs."""
    rows = columns = 0
    tail = b""
    with book.open(member) as xml:
        first = True
        while chunk := xml.read(_CHUNK):
            text = tail + chunk
            if first and (found := _DIMENSION.search(text)):
                left, top, right, bottom = (g.decode() for g in found.groups())
                columns = column_number(right or left)
                rows = int(bottom or top or 0)
                _check_size(rows, columns, limits)
            first = False
            numbers = _ROW.findall(text)
            if numbers:
                rows = max(rows, max(int(n) for n in numbers))
            for letters in _WIDE_CELL.findall(text):
                columns = max(columns, column_number(letters.decode()))
            _check_size(rows, columns, limits)
            tail = text[-64:]  # a reference cut by the chunk boundary is seen again whole


def _check_size(rows: int, columns: int, limits: IngestLimits) -> None:
    check_columns(columns, limits)
    if rows * columns > limits.max_cells:
        raise LimitExceeded(TooManyCells, size=rows * columns, limit=limits.max_cells)
