"""The Koers template (Dutch headers, one observation per row) reads without a mapping."""

import json

import openpyxl
import pytest

from koers.deliveries.ingest import TEMPLATE_COLUMNS, NoMappingError, read_delivery

from .conftest import ingest_table, write_rows

ROWS = [
    ["wind_vermogen", "PV20", "2023", "", "realisatie", "1877", ""],
    ["wind_vermogen", "PV20", "2030", "_T", "doel", "2500", ""],
    ["verkeersdoden", "PV21", "2018", "Leeftijd=71300;Geslacht=_T", "", " 4 ", "voorlopig"],
    ["verkeersdoden", "PV22", "2018", "", "realisatie", "", "vertrouwelijk"],
    ["verkeersdoden", "PV23", "2018JJ00", "", "", "", ""],
    [
        "hernieuwbaar_elektrisch_vermogen",
        "PV99",
        "2024",
        "BronEnTechniek=E006637",
        "prognose",
        "12.5",
        "geschat",
    ],
]


def observations(table):
    return [
        (
            r["source_row"],
            r["indicator"],
            r["area"],
            r["period"],
            r["breakdown"],
            r["value_kind"],
            r["value"],
            r["status"],
        )
        for r in table.to_pylist()
    ]


EXPECTED = [
    (2, "wind_vermogen", "PV20", "2023", "_T", "realisation", 1877.0, "normal"),
    (3, "wind_vermogen", "PV20", "2030", "_T", "target", 2500.0, "normal"),
    (4, "verkeersdoden", "PV21", "2018", "Leeftijd=71300", "realisation", 4.0, "provisional"),
    (5, "verkeersdoden", "PV22", "2018", "_T", "realisation", None, "confidential"),
    (6, "verkeersdoden", "PV23", "2018", "_T", "realisation", None, "missing"),
    (
        7,
        "hernieuwbaar_elektrisch_vermogen",
        "PV99",
        "2024",
        "BronEnTechniek=E006637",
        "forecast",
        12.5,
        "estimated",
    ),
]


def test_template_csv_reads_without_a_mapping(tmp_path, context):
    path = write_rows(tmp_path / "levering.csv", list(TEMPLATE_COLUMNS), ROWS, delimiter=";")
    table, ingest = ingest_table(path, None, context)
    assert ingest.mapping.name == "koers-template"
    assert ingest.report.valid, ingest.report.to_dict()
    assert observations(table) == EXPECTED


def test_template_xlsx_reads_without_a_mapping(tmp_path, context):
    book = openpyxl.Workbook()
    book.active.append([c.capitalize() for c in TEMPLATE_COLUMNS])
    for row in ROWS:
        book.active.append(
            [
                float(c) if c.strip().replace(".", "").isdigit() and i == 5 else c
                for i, c in enumerate(row)
            ]
        )
    path = tmp_path / "levering.xlsx"
    book.save(path)
    table, ingest = ingest_table(path, None, context)
    assert ingest.report.valid, ingest.report.to_dict()
    assert observations(table) == EXPECTED


def test_template_json_reads_without_a_mapping(tmp_path, context):
    records = [dict(zip(TEMPLATE_COLUMNS, row, strict=True)) for row in ROWS]
    path = tmp_path / "levering.json"
    path.write_text(json.dumps({"observations": records}), encoding="utf-8")
    table, ingest = ingest_table(path, None, context)
    assert ingest.report.valid, ingest.report.to_dict()
    assert observations(table) == EXPECTED


def test_unknown_words_and_indicators_in_the_template_are_errors(tmp_path, context):
    rows = [
        ["wind_vermogen", "PV20", "2023", "", "plan", "1", ""],
        ["wind_vermogen", "PV20", "2022", "", "", "1", "ongeveer"],
        ["windmolens", "PV20", "2023", "", "", "1", ""],
        ["", "PV20", "2023", "", "", "1", ""],
        ["wind_vermogen", "PV20", "2021", "Geslacht", "", "1", ""],
    ]
    path = write_rows(tmp_path / "fout.csv", list(TEMPLATE_COLUMNS), rows)
    table, ingest = ingest_table(path, None, context)
    found = sorted((e.row, e.column, e.rule) for e in ingest.report.errors)
    assert found == [
        (2, "waardetype", "unknown_value_kind"),
        (3, "status", "unknown_status"),
        (4, "indicator", "unknown_indicator"),
        (5, "indicator", "required_value_missing"),
        (6, "uitsplitsing", "unknown_breakdown_code"),
    ]
    assert table.num_rows == 0


def test_a_file_that_is_neither_template_nor_mapped_needs_a_mapping(tmp_path, context):
    path = write_rows(tmp_path / "iets.csv", ["a", "b"], [["1", "2"]])
    with pytest.raises(NoMappingError):
        read_delivery(path, None, context)
