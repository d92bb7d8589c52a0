"""The row shown next to an error is the row the validation report names, in every file shape."""

import pytest
from openpyxl import Workbook

from koers.deliveries.files import stored_path
from koers.deliveries.ingest import ERROR_TYPES
from koers.deliveries.storing import receive
from koers.workspace.findings import RULE_TITLES, group_findings
from koers.workspace.source_rows import SourceRows, read_source_rows

HEADER = ["indicator", "gebied", "periode", "uitsplitsing", "waardetype", "waarde", "status"]


def rows_named_by_the_report(path):
    delivery = receive(path, province="PV25")
    errors = delivery.report["errors"]
    assert delivery.status == "rejected" and errors
    source = read_source_rows(stored_path(delivery.file.sha256), [e["row"] for e in errors])
    return errors, source


def test_csv_with_bom_semicolons_blank_lines_and_a_quoted_newline(catalogue, tmp_path):
    path = tmp_path / "gelderland.csv"
    lines = [
        ";".join([*HEADER, "toelichting"]),
        'wind_vermogen;PV25;2023;_T;realisatie;250;;"twee\nregels"',
        "",
        "wind_vermogen;PV25;2024;_T;realisatie;veel;;",
    ]
    path.write_bytes(b"\xef\xbb\xbf" + "\n".join(lines).encode() + b"\n")
    errors, source = rows_named_by_the_report(path)
    assert [(e["row"], e["value"]) for e in errors] == [(5, "veel")]
    assert source.header[:3] == ["indicator", "gebied", "periode"]
    assert source.rows[5][HEADER.index("waarde")] == "veel"


def test_xlsx_rows_keep_the_sheet_numbers(catalogue, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append([])  # a blank first row: the header is the first row with text
    sheet.append(HEADER)
    sheet.append(["wind_vermogen", "PV25", "2023", "_T", "realisatie", 250, None])
    sheet.append([])
    sheet.append(["wind_vermogen", "PV25", "2024", "_T", "realisatie", "n.v.t.", None])
    path = tmp_path / "gelderland.xlsx"
    book.save(path)
    errors, source = rows_named_by_the_report(path)
    assert [(e["row"], e["value"]) for e in errors] == [(5, "n.v.t.")]
    assert source.header == HEADER
    assert source.rows[5][:3] == ["wind_vermogen", "PV25", "2024"]


def test_an_unreadable_file_gives_no_context_instead_of_failing(tmp_path):
    path = tmp_path / "kapot.xlsx"
    path.write_bytes(b"PK\x03\x04 dit is geen werkmap")
    assert read_source_rows(path, [2]) == SourceRows()


def test_errors_are_grouped_by_rule_most_frequent_first_with_the_bad_cell_marked():
    source = SourceRows(header=["a", "b", "c"], rows={2: ["1", "x"], 3: ["2", "3", "y"]})
    items = [
        {"rule": "wrong_type", "row": 2, "column": "b", "value": "x", "message": "m1"},
        {"rule": "short_row", "row": 2, "column": "c", "value": None, "message": "m2"},
        {"rule": "wrong_type", "row": 3, "column": "c", "value": "y", "message": "m3"},
    ]
    groups = group_findings(items, source)
    assert [(g.rule, g.title, g.count) for g in groups] == [
        ("wrong_type", "Geen getal", 2),
        ("short_row", "Rij te kort", 1),
    ]
    cells = groups[0].findings[0].cells
    assert [(c.column, c.text, c.bad) for c in cells] == [
        ("a", "1", False),
        ("b", "x", True),
        ("c", None, False),  # the short row has no third field
    ]
    assert [c.bad for c in groups[1].findings[0].cells] == [False, False, True]


# The delivery rules; other apps' files (the werkprogramma workbook) register rule classes
# in the same registry and title them on their own pages.
DELIVERY_RULES = sorted(
    code for code, kind in ERROR_TYPES.items() if kind.__module__.startswith("koers.deliveries.")
)


@pytest.mark.parametrize("rule", DELIVERY_RULES)
def test_every_validation_rule_has_a_dutch_title(rule):
    if rule == "validation_error":  # the abstract base class, never reported
        return
    assert rule in RULE_TITLES


def test_stored_reports_are_shown_in_the_pages_language(catalogue, tmp_path):
    from django.utils import translation

    path = tmp_path / "gelderland.csv"
    path.write_text(",".join(HEADER) + "\nwind_vermogen,PV25,2023,_T,realisatie,veel,\n")
    errors, _ = rows_named_by_the_report(path)
    with translation.override("nl"):
        dutch = group_findings(errors)[0].findings[0].message
    with translation.override("en"):
        english = group_findings(errors)[0].findings[0].message
    assert "Rij 2" in dutch and "Row 2" in english
    legacy = [{k: v for k, v in errors[0].items() if k != "message_en"}]
    with translation.override("en"):  # a report stored before message_en existed
        assert group_findings(legacy)[0].findings[0].message == dutch
