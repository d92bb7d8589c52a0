"""Bounded input: each limit is checked before a reader allocates, and each breach is a
validation error with a stable code, never a crash or a worker out of memory.

The hostile files are generated here: a 5 KB workbook with a cell at XFD1048576, a zip
bomb that unpacks to 1 GB, a 128 KB header field, long cells and JSON nested 50,000 deep.
"""

import json
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

import pytest

from koers.deliveries.ingest import (
    TEMPLATE_COLUMNS,
    MappingError,
    ValidationContext,
    load_mapping,
    read_delivery,
)
from koers.deliveries.ingest.limits import MB, IngestLimits

from .conftest import DUTCH_AREAS, ingest_table, write_rows

GOOD = ["ammoniakemissie_mest", "PV20", "2020", "", "realisatie", "5", "normaal"]

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml"
 ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml"
 ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
</Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Target="xl/workbook.xml"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
</Relationships>"""
_WORKBOOK = """<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>"""
_WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Target="worksheets/sheet1.xml"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>
</Relationships>"""
_SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)


def _deflated(data: bytes) -> bytes:
    packer = zlib.compressobj(1, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def _bomb(megabytes: int) -> tuple[bytes, int, int]:
    """(raw deflate, crc, size) of `megabytes` MB of spaces, compressed once and repeated:
    blocks ending in a full flush stand alone, so the copies form one valid stream."""
    packer = zlib.compressobj(1, zlib.DEFLATED, -15)
    block = packer.compress(b" " * MB) + packer.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(megabytes):
        crc = zlib.crc32(b" " * MB, crc)
    return block * megabytes + _deflated(b""), crc, megabytes * MB


def _zip(path: Path, members: list[tuple[str, bytes, int, int]]) -> Path:
    """A zip of already deflated members (name, data, crc, size), as zipfile would write."""
    body, directory = b"", b""
    for name, data, crc, size in members:
        raw = name.encode()
        header = (8, 0, 0, crc, len(data), size, len(raw))
        directory += struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, *header, 0, 0, 0, 0, 0, len(body)
        )
        directory += raw
        body += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, *header, 0) + raw + data
    end = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(directory), len(body), 0
    )
    path.write_bytes(body + directory + end)
    return path


def workbook(path: Path, sheet_xml: str = "", *, bomb_mb: int = 0) -> Path:
    """A minimal XLSX; with `bomb_mb` its sheet is that many MB of spaces (a zip bomb)."""
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _RELS,
        "xl/workbook.xml": _WORKBOOK,
        "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS,
    }
    members = [
        (name, _deflated(text.encode()), zlib.crc32(text.encode()), len(text.encode()))
        for name, text in parts.items()
    ]
    sheet = sheet_xml.encode()
    content = _bomb(bomb_mb) if bomb_mb else (_deflated(sheet), zlib.crc32(sheet), len(sheet))
    return _zip(path, [*members, ("xl/worksheets/sheet1.xml", *content)])


def one_cell_sheet(ref: str, *, dimension: bool) -> str:
    row = "".join(ch for ch in ref if ch.isdigit())
    head = f'<dimension ref="A1:{ref}"/>' if dimension else ""
    return (
        f"{_SHEET_HEAD}{head}<sheetData>"
        f'<row r="1"><c r="A1" t="inlineStr"><is><t>indicator</t></is></c></row>'
        f'<row r="{row}"><c r="{ref}"><v>1</v></c></row>'
        "</sheetData></worksheet>"
    )


@pytest.fixture
def dutch(catalogue_specs) -> ValidationContext:
    return ValidationContext(known_areas=DUTCH_AREAS, indicators=catalogue_specs)


def only_rule(ingest) -> str:
    rules = ingest.report.counts_by_rule(severity="error")
    assert len(rules) == 1, ingest.report.to_dict()
    return next(iter(rules))


# The peak of this process's own memory (VmHWM): ru_maxrss would also count the parent's
# memory at fork time, so a large pytest process would fail the check.
_CHILD = """
import json, sys
from koers.deliveries.ingest import ValidationContext, read_delivery
ingest = read_delivery(sys.argv[1], None, ValidationContext(frozenset(), {}))
for _ in ingest:
    pass
status = open("/proc/self/status").read().split("VmHWM:")[1]
rss_mb = int(status.split()[0]) // 1024
print(json.dumps({"rules": ingest.report.counts_by_rule(), "rss_mb": rss_mb}))
"""


def import_in_a_child(path: Path) -> dict:
    """Read `path` in a fresh process: a reader that aborts the process fails the test."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


@pytest.mark.parametrize("dimension", [True, False])
def test_a_5kb_workbook_with_one_cell_at_xfd1048576_is_refused_fast_and_small(tmp_path, dimension):
    path = workbook(tmp_path / "xfd.xlsx", one_cell_sheet("XFD1048576", dimension=dimension))
    assert path.stat().st_size < 5_000
    started = time.monotonic()
    result = import_in_a_child(path)
    assert result["rules"] == {"too_many_columns": 1}
    assert time.monotonic() - started < 20 and result["rss_mb"] < 400


def test_a_sheet_the_guard_cannot_resolve_is_checked_as_every_worksheet(tmp_path, dutch):
    path = workbook(tmp_path / "xfd.xlsx", one_cell_sheet("XFD1048576", dimension=False))
    unresolved = tmp_path / "onbekend.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(unresolved, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/workbook.xml":  # single quotes: not what Excel writes
                data = data.replace(
                    b'name="Blad1" sheetId="1" r:id="rId1"', b"r:id='rId1' name='Blad1' sheetId='1'"
                )
            target.writestr(item, data)
    assert import_in_a_child(unresolved)["rules"] == {"too_many_columns": 1}


def test_a_tall_workbook_is_refused_by_its_cell_count(tmp_path, dutch):
    path = workbook(tmp_path / "tall.xlsx", one_cell_sheet("Z1048576", dimension=True))
    limits = IngestLimits(max_cells=1_000_000)
    ingest = read_delivery(path, None, ValidationContext(dutch.known_areas, {}, limits=limits))
    list(ingest)
    error = ingest.report.errors[0]
    assert error.rule == "too_many_cells" and error.params["size"] == 26 * 1_048_576
    assert "meer dan de grens van 1000000" in error.message_nl


@pytest.fixture(scope="module")
def zip_bomb(tmp_path_factory) -> Path:
    """A 4-5 MB workbook whose sheet unpacks to 1 GB."""
    return workbook(tmp_path_factory.mktemp("bomb") / "bom.xlsx", bomb_mb=1024)


def test_a_zip_bomb_is_refused_without_unpacking_it(zip_bomb, dutch):
    assert zip_bomb.stat().st_size < 10 * MB
    assert import_in_a_child(zip_bomb)["rss_mb"] < 400  # 1 GB was never unpacked
    _, ingest = ingest_table(zip_bomb, None, dutch)
    assert only_rule(ingest) == "workbook_expands_too_much"
    message = ingest.report.errors[0].message_nl
    assert "pakt uit tot 1024.0 MB" in message and "xl/worksheets/sheet1.xml" in message


def test_a_zip_bomb_within_the_ratio_is_still_refused_by_its_size(zip_bomb, dutch):
    limits = IngestLimits(max_xlsx_ratio=10_000, max_xlsx_expanded_bytes=512 * MB)
    context = ValidationContext(dutch.known_areas, dutch.indicators, limits=limits)
    _, ingest = ingest_table(zip_bomb, None, context)
    assert only_rule(ingest) == "workbook_expands_too_much"


def test_a_header_field_over_128_kb_is_a_long_cell_not_a_crash(tmp_path, dutch):
    path = tmp_path / "kop.csv"
    path.write_text("indicator,gebied," + "x" * 200_000 + "\n1,2,3\n", encoding="utf-8")
    _, ingest = ingest_table(path, None, dutch)
    error = ingest.report.errors[0]
    assert (error.rule, error.row) == ("cell_too_long", 1)
    assert len(error.to_dict()["message"]) < 400


def test_a_cell_over_128_kb_in_the_rows_is_a_long_cell_of_its_row(tmp_path, dutch):
    rows = [GOOD, [*GOOD[:6], "x" * 200_000]]
    path = write_rows(tmp_path / "lang.csv", list(TEMPLATE_COLUMNS), rows)
    _, ingest = ingest_table(path, None, dutch)
    assert [(e.rule, e.row) for e in ingest.report.errors] == [("cell_too_long", 3)]


def test_long_cells_give_a_small_report_with_exact_counts(tmp_path, dutch):
    """Issue 11: 20 MB of long cells made a 60 MB report. Now: 100 details per rule."""
    rows = [[*GOOD[:5], "9" * 12_000, "normaal"] for _ in range(1_500)]
    path = write_rows(tmp_path / "lang.csv", list(TEMPLATE_COLUMNS), rows)
    assert path.stat().st_size > 15 * MB
    _, ingest = ingest_table(path, None, dutch)
    report = ingest.report.to_dict()
    assert report["error_counts"] == {"cell_too_long": 1_500}
    assert len(report["errors"]) == 100
    assert len(json.dumps(report)) < 100_000
    assert all(len(e["value"]) <= 101 for e in report["errors"])  # 100 characters and …


def test_too_many_columns_and_too_many_cells_in_a_csv(tmp_path, dutch):
    wide = tmp_path / "breed.csv"
    wide.write_text(",".join(f"k{i}" for i in range(50)) + "\n", encoding="utf-8")
    small = IngestLimits(max_columns=20, max_cells=1_000)
    context = ValidationContext(dutch.known_areas, dutch.indicators, limits=small)
    _, ingest = ingest_table(wide, None, context)
    assert only_rule(ingest) == "too_many_columns"
    long = write_rows(tmp_path / "lang.csv", list(TEMPLATE_COLUMNS), [GOOD] * 200)
    _, ingest = ingest_table(long, None, context, batch_rows=1024)
    assert only_rule(ingest) == "too_many_cells"


def test_a_file_over_the_size_limit_is_not_read(tmp_path, dutch):
    path = write_rows(tmp_path / "groot.csv", list(TEMPLATE_COLUMNS), [GOOD] * 2_000)
    context = ValidationContext(
        dutch.known_areas, dutch.indicators, limits=IngestLimits(max_file_bytes=MB // 100)
    )
    table, ingest = ingest_table(path, None, context)
    assert only_rule(ingest) == "file_too_large" and table.num_rows == 0
    assert "de grens van 0.0 MB" in ingest.report.errors[0].message_nl


def test_json_nested_50000_deep_is_a_validation_error(tmp_path, dutch):
    path = tmp_path / "diep.json"
    path.write_text("[" * 50_000 + "]" * 50_000, encoding="utf-8")
    _, ingest = ingest_table(path, None, dutch)
    assert only_rule(ingest) == "json_too_deep"


def test_json_deeper_than_the_setting_is_refused_and_a_flat_delivery_is_read(tmp_path, dutch):
    record = dict(zip(TEMPLATE_COLUMNS, GOOD, strict=True))
    nested: object = 1
    for _ in range(30):
        nested = [nested]
    deep = tmp_path / "diep.json"
    deep.write_text(json.dumps([{**record, "notitie": nested}]), encoding="utf-8")
    _, ingest = ingest_table(deep, None, dutch)
    assert only_rule(ingest) == "json_too_deep"
    flat = tmp_path / "plat.json"
    flat.write_text(json.dumps({"observations": [record]}), encoding="utf-8")
    table, ingest = ingest_table(flat, None, dutch)
    assert ingest.report.valid and table.num_rows == 1


def test_a_binary_mapping_file_is_a_clear_mapping_error(tmp_path):
    path = tmp_path / "mapping.yaml"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(MappingError) as caught:
        load_mapping(path)
    assert caught.value.code == "invalid_mapping"
    assert "not UTF-8 text" in caught.value.message and "mapping.yaml" in caught.value.message


def test_a_deeply_nested_mapping_file_is_a_mapping_error(tmp_path):
    path = tmp_path / "mapping.yaml"
    path.write_text("[" * 2_000, encoding="utf-8")
    with pytest.raises(MappingError):
        load_mapping(path)
