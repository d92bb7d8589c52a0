"""Readers: CSV dialects, XLSX and JSON become string columns with exact row numbers."""

import json
from pathlib import Path

import openpyxl
import pytest

from koers.deliveries.ingest.mapping import FormatOptions
from koers.deliveries.ingest.readers import open_source, reader_for, sniff_delimiter


def read_all(path: Path, columns, *, batch_rows=1000, options=None):
    source = open_source(path, options)
    rows, numbers, problems = [], [], []
    for batch in source.batches(columns, batch_rows=batch_rows):
        rows += list(zip(*(batch.columns[c].to_pylist() for c in columns), strict=True))
        numbers += batch.source_row.to_pylist()
        problems += batch.problems
    return source, rows, numbers, problems


@pytest.mark.parametrize(
    ("line", "delimiter"),
    [("a,b,c", ","), ("a;b;c", ";"), ('"a";"b,c";"d"', ";"), ("a\tb", "\t"), ("single", ",")],
)
def test_the_delimiter_is_sniffed_from_the_header(line, delimiter):
    assert sniff_delimiter(line) == delimiter


def test_bom_quotes_semicolons_and_padding_are_read_as_written(tmp_path: Path):
    path = tmp_path / "untyped.csv"
    path.write_bytes(
        '\ufeff"ID";"RegioS";"Waarde"\r\n"1";"PV20  ";"    5691"\r\n"2";"PV21  ";""\r\n'.encode()
    )
    source, rows, numbers, problems = read_all(path, ["RegioS", "Waarde"])
    assert source.header == ["ID", "RegioS", "Waarde"]
    assert rows == [("PV20  ", "    5691"), ("PV21  ", "")]  # trimming is the mapping's job
    assert numbers == [2, 3]
    assert problems == []


def test_row_numbers_stay_exact_across_chunks(tmp_path: Path):
    path = tmp_path / "many.csv"
    path.write_text("n,v\n" + "".join(f"{i},{i * 2}\n" for i in range(2, 2502)), encoding="utf-8")
    _, rows, numbers, _ = read_all(path, ["n"], batch_rows=100)
    assert [int(n) for (n,) in rows] == numbers == list(range(2, 2502))


def test_a_short_row_is_reported_with_its_line_and_first_missing_column(tmp_path: Path):
    lines = ["a,b,c"] + [f"{i},x,y" for i in range(2, 400)]
    lines[250] = "251,x"  # line 251 lost its last field
    lines[300] = ""  # a blank line is not a record, but it is a line
    lines[350] = "351,x,y,z"
    path = tmp_path / "short.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, rows, numbers, problems = read_all(path, ["a", "c"], batch_rows=64)
    assert [(p.row, p.expected, p.actual, p.first_missing) for p in problems] == [
        (251, 3, 2, "c"),
        (351, 3, 4, None),
    ]
    assert 251 not in numbers and 301 not in numbers and 351 not in numbers
    assert all(int(a) == n for (a, _), n in zip(rows, numbers, strict=True))
    assert len(numbers) == 398 - 3  # 398 data lines, two broken rows and a blank line


def test_trailing_empty_fields_are_not_extra_fields(tmp_path: Path):
    path = tmp_path / "trailing.csv"
    path.write_text("a,b\n1,2\n3,4,\n", encoding="utf-8")
    _, rows, numbers, problems = read_all(path, ["a", "b"])
    assert rows == [("1", "2"), ("3", "4")] and numbers == [2, 3] and problems == []


def test_quoted_newlines_fall_back_to_exact_line_numbers(tmp_path: Path):
    path = tmp_path / "multiline.csv"
    path.write_text('a,b\n1,"one\ntwo"\n2,x\n', encoding="utf-8")
    _, rows, numbers, _ = read_all(path, ["a", "b"])
    assert rows == [("1", "one\ntwo"), ("2", "x")]
    assert numbers == [2, 4]


def test_latin1_is_read_when_the_mapping_says_so(tmp_path: Path):
    path = tmp_path / "latin.csv"
    path.write_bytes("gebied;naam\nPV21;Fryslân\n".encode("latin-1"))
    _, rows, _, _ = read_all(path, ["naam"], options=FormatOptions(encoding="latin-1"))
    assert rows == [("Fryslân",)]


def test_xlsx_cells_become_text_with_sheet_row_numbers(tmp_path: Path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([])
    sheet.append(["gebied", "periode", "waarde", "code"])
    sheet.append(["PV20", 2023, 12.5, 48])
    sheet.append([None, None, None, None])
    sheet.append(["PV21", "2023-Q1", None, "x"])
    path = tmp_path / "levering.xlsx"
    book.save(path)
    assert reader_for(path).name == "xlsx"
    source, rows, numbers, _ = read_all(path, ["gebied", "periode", "waarde", "code"])
    assert source.header == ["gebied", "periode", "waarde", "code"]
    assert rows == [("PV20", "2023", "12.5", "48"), ("PV21", "2023-Q1", "", "x")]
    assert numbers == [3, 5]


@pytest.mark.parametrize("wrapped", [False, True])
def test_json_lists_of_objects_with_or_without_an_observations_key(tmp_path: Path, wrapped):
    records = [{"gebied": "PV20", "waarde": 1.5}, {"gebied": "PV21", "waarde": None, "extra": 1}]
    path = tmp_path / "levering.json"
    path.write_text(json.dumps({"observations": records} if wrapped else records), encoding="utf-8")
    assert reader_for(path).name == "json"
    source, rows, numbers, _ = read_all(path, ["gebied", "waarde"])
    assert source.header == ["gebied", "waarde", "extra"]
    assert rows == [("PV20", "1.5"), ("PV21", "")]
    assert numbers == [2, 3]
