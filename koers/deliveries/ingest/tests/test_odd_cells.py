"""Odd cells never crash an import: every one ends as a finding in the report.

`=`, `;` and `|` cannot be part of a code, a NUL byte cannot be stored by PostgreSQL,
and a quoted newline may fall anywhere, also exactly where the fast reader cuts a chunk.
"""

import json

import pytest

from koers.deliveries.ingest import TEMPLATE_COLUMNS, ValidationContext

from .conftest import DUTCH_AREAS, ingest_table, write_rows

INDICATOR = "ammoniakemissie_mest"
GOOD = [INDICATOR, "PV20", "2020", "", "realisatie", "5", "normaal"]


@pytest.fixture
def dutch(catalogue_specs) -> ValidationContext:
    return ValidationContext(known_areas=DUTCH_AREAS, indicators=catalogue_specs)


def template_file(tmp_path, rows, name="levering.csv"):
    return write_rows(tmp_path / name, list(TEMPLATE_COLUMNS), rows)


@pytest.mark.parametrize("cell", ["=", ";", "|", "PV=20", "PV20;PV21", "a|b", "PV\x0020", "\x00"])
@pytest.mark.parametrize("column", TEMPLATE_COLUMNS)
def test_an_odd_cell_in_any_column_is_an_error_of_that_row_and_column(
    tmp_path, dutch, column, cell
):
    bad = list(GOOD)
    bad[TEMPLATE_COLUMNS.index(column)] = cell
    table, ingest = ingest_table(template_file(tmp_path, [GOOD, bad]), None, dutch)
    report = ingest.report
    assert report.complete and not report.valid
    assert {(e.row, e.column) for e in report.errors} == {(3, column)}
    assert table["source_row"].to_pylist() == [2]  # the good row only
    assert "\x00" not in json.dumps(report.to_dict())  # storable as jsonb


def test_a_nul_byte_is_named_as_such(tmp_path, dutch):
    bad = [INDICATOR, "PV20", "2020", "", "", "5\x00", ""]
    _, ingest = ingest_table(template_file(tmp_path, [bad]), None, dutch)
    error = ingest.report.filter(rule="nul_character")[0]
    assert (error.row, error.column) == (2, "waarde")
    assert "NUL-teken" in error.message_nl and "NUL character" in error.message_en
    assert error.to_dict()["value"] == "5\u2400"


def test_a_nul_byte_in_a_column_the_mapping_does_not_read_is_harmless(tmp_path, dutch):
    path = write_rows(
        tmp_path / "levering.csv",
        [*TEMPLATE_COLUMNS, "notitie"],
        [[*GOOD, "vrije\x00tekst"]],
    )
    table, ingest = ingest_table(path, None, dutch)
    assert ingest.report.valid and table.num_rows == 1


def lines_with_a_note_at(position: int, total: int) -> list[str]:
    """A template CSV with a toelichting column; data row `position` has a two-line note."""
    lines = [",".join([*TEMPLATE_COLUMNS, "toelichting"])]
    for i in range(total):
        year, area = 1800 + i % 200, f"PV{20 + i // 200}"  # 2,400 distinct keys
        note = '"eerste regel\ntweede regel"' if i == position else "kort"
        lines.append(f"{INDICATOR},{area},{year},,realisatie,{i},normaal,{note}")
    return lines


@pytest.mark.parametrize("position", [0, 500, 1022, 1023, 1024, 2046, 2047, 2299])
def test_a_quoted_newline_anywhere_is_one_field(tmp_path, dutch, position):
    # batch_rows=1024 makes the fast reader cut every 1024 lines: 1023 is the data row
    # whose note starts on the last line of the first chunk and ends on the next
    path = tmp_path / "toelichting.csv"
    path.write_text("\n".join(lines_with_a_note_at(position, 2300)) + "\n", encoding="utf-8")
    table, ingest = ingest_table(path, None, dutch, batch_rows=1024)
    assert ingest.report.counts_by_rule(severity="error") == {}
    assert table.num_rows == 2300
    rows = table["source_row"].to_pylist()
    assert rows[: position + 1] == list(range(2, position + 3))
    assert rows[position + 1 :] == list(range(position + 4, 2303))  # the note took two lines
