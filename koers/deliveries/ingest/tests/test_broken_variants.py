"""Broken copies of real files, made in tmp_path: each fault is rejected with the exact
row and column, and the rest of the file is still checked.
"""

import csv
from pathlib import Path

import pytest

from koers.deliveries.ingest import find_shipped_mapping

from .conftest import csv_rows, ingest_table, write_rows

WIND = "cbs/70960ned_windenergie_op_land.csv"
DEATHS = "cbs/80202ned_doodsoorzaken_regio.csv"


def broken_copy(real_data: Path, tmp_path: Path, name: str, change, delimiter=",", **csv_options):
    header, rows = csv_rows(real_data / name, delimiter)
    change(header, rows)
    return write_rows(tmp_path / Path(name).name, header, rows, delimiter, **csv_options)


def only_error(ingest):
    errors = ingest.report.errors
    assert len(errors) == 1, [e.to_dict() for e in errors]
    return errors[0]


def test_a_truncated_row(real_data, tmp_path, context):
    def truncate(header, rows):
        rows[8] = rows[8][:5]  # row 10 of the file ends after UitGebruikGenomenWindmolens_2

    path = broken_copy(real_data, tmp_path, WIND, truncate)
    table, ingest = ingest_table(path, find_shipped_mapping(path), context)
    error = only_error(ingest)
    assert (error.rule, error.row, error.column) == (
        "short_row",
        10,
        "OpgesteldeWindmolensEindeVanJaar_3",
    )
    assert error.params == {"expected": 17, "actual": 5}
    assert "Rij 10 heeft 5 velden, de kopregel 17" in error.message_nl
    assert 10 not in table["source_row"].to_pylist()
    assert ingest.rows_read == 455


def test_text_in_a_number_column(real_data, tmp_path, context):
    def spoil(header, rows):
        rows[18][header.index("OpgesteldVermogenEindeJaar_9")] = "n.b."

    path = broken_copy(real_data, tmp_path, WIND, spoil)
    _, ingest = ingest_table(path, find_shipped_mapping(path), context)
    error = only_error(ingest)
    assert (error.rule, error.row, error.column, error.value) == (
        "wrong_type",
        20,
        "OpgesteldVermogenEindeJaar_9",
        "n.b.",
    )
    assert (
        error.message_en == "Row 20, column 'OpgesteldVermogenEindeJaar_9': 'n.b.' is not a number."
    )


def test_an_unknown_region_code(real_data, tmp_path, context):
    def spoil(header, rows):
        rows[28][header.index("RegioS")] = "PV42"

    path = broken_copy(real_data, tmp_path, WIND, spoil)
    table, ingest = ingest_table(path, find_shipped_mapping(path), context)
    error = only_error(ingest)
    assert (error.rule, error.row, error.column, error.value) == (
        "unknown_area",
        30,
        "RegioS",
        "PV42",
    )
    assert 30 not in table["source_row"].to_pylist()


def test_a_duplicate_row(real_data, tmp_path, context):
    def duplicate(header, rows):
        rows.append(list(rows[3]))  # row 5 again, as the last row (row 457)

    path = broken_copy(real_data, tmp_path, WIND, duplicate)
    _, ingest = ingest_table(path, find_shipped_mapping(path), context)
    errors = ingest.report.errors
    mapped = [value.column for value in find_shipped_mapping(path).values]
    assert {(e.rule, e.row, e.params["first_row"]) for e in errors} == {("duplicate_key", 457, 5)}
    assert sorted(e.column for e in errors) == sorted(mapped)  # one per mapped value column


def test_a_wrong_period_code(real_data, tmp_path, context):
    def spoil(header, rows):
        rows[38][header.index("Perioden")] = "2019JJ13"

    path = broken_copy(real_data, tmp_path, WIND, spoil)
    _, ingest = ingest_table(path, find_shipped_mapping(path), context)
    error = only_error(ingest)
    assert (error.rule, error.row, error.column, error.value) == (
        "unknown_period_code",
        40,
        "Perioden",
        "2019JJ13",
    )


def test_faults_in_a_quoted_semicolon_export_with_bom(real_data, tmp_path, context):
    """The slow exact path: after the short row, later row numbers must still be right."""

    def spoil(header, rows):
        rows[100] = rows[100][:4]  # row 102
        rows[2000][header.index("k_17111Wegverkeersongevallen_83")] = "  twaalf"  # row 2002

    source = real_data / DEATHS
    path = broken_copy(real_data, tmp_path, DEATHS, spoil, delimiter=";", quoting=csv.QUOTE_ALL)
    assert path.read_text(encoding="utf-8").startswith('"ID";"Geslacht";')
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    table, ingest = ingest_table(path, find_shipped_mapping(source), context, batch_rows=512)
    found = {(e.rule, e.row, e.column) for e in ingest.report.errors}
    assert found == {
        ("short_row", 102, "Perioden"),
        ("wrong_type", 2002, "k_17111Wegverkeersongevallen_83"),
    }
    assert table.num_rows == (2760 - 1) * 2 - 1


@pytest.mark.parametrize("fault_row", [3, 300, 455])
def test_the_reported_row_is_the_line_a_steward_opens(real_data, tmp_path, context, fault_row):
    def spoil(header, rows):
        rows[fault_row - 2][header.index("RegioS")] = "XX01"

    path = broken_copy(real_data, tmp_path, WIND, spoil)
    _, ingest = ingest_table(path, find_shipped_mapping(path), context, batch_rows=100)
    error = only_error(ingest)
    line = path.read_text(encoding="utf-8").splitlines()[error.row - 1]
    assert ",XX01," in line
