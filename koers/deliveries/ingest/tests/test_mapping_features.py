"""Mapping features on one provincial spreadsheet: code maps, a period over two columns,
constant dimensions, value kinds, a multiplier, decimal commas and special markers.
"""

from koers.deliveries.ingest import IndicatorSpec, ValidationContext, mapping_from_dict

from .conftest import ingest_table, write_rows

MAPPING = {
    "name": "provincie-laadpunten",
    "format": {"delimiter": ";", "decimal": ","},
    "area": {"column": "Provincie", "codes": {"Gelderland": "PV25", "Utrecht": "PV26"}},
    "skip_areas": {"codes": ["Buitenland"]},
    "period": {"columns": ["Jaar", "Kwartaal"], "codes": {"KW1": "Q1", "KW2": "Q2"}},
    "breakdowns": {
        "Soort": {"column": "Soort", "codes": {"Totaal": "_T"}, "blank": "_T"},
        "Bron": {"constant": "provincie"},
    },
    "special_values": {".": "missing", "x": "confidential"},
    "values": [
        {"column": "Aantal (duizend)", "indicator": "laadpunten", "multiplier": 1000},
        {
            "column": "Doel (duizend)",
            "indicator": "laadpunten",
            "value_kind": "target",
            "multiplier": 1000,
        },
    ],
}
SPEC = IndicatorSpec(
    code="laadpunten",
    periodicity="quarter",
    breakdowns={"Soort": frozenset({"_T", "snel"}), "Bron": frozenset({"_T", "provincie"})},
)
HEADER = ["Provincie", "Jaar", "Kwartaal", "Soort", "Aantal (duizend)", "Doel (duizend)"]


def test_a_provincial_spreadsheet_through_its_mapping(tmp_path):
    rows = [
        ["Gelderland", "2024", "KW1", "Totaal", "1,5", "2"],
        ["Gelderland", "2024", "KW2", "snel", "0,25", "."],
        ["Utrecht", "2024", "KW1", "", "x", ""],
        ["Buitenland", "2024", "KW1", "Totaal", "9", "9"],
    ]
    path = write_rows(tmp_path / "laadpunten.csv", HEADER, rows, delimiter=";")
    context = ValidationContext(
        known_areas=frozenset({"PV25", "PV26"}), indicators={"laadpunten": SPEC}
    )
    table, ingest = ingest_table(path, mapping_from_dict(MAPPING), context)
    assert ingest.report.valid, ingest.report.to_dict()
    assert (ingest.rows_read, ingest.rows_skipped, table.num_rows) == (4, 1, 6)
    got = sorted(
        (
            r["source_row"],
            r["value_kind"],
            r["area"],
            r["period"],
            r["breakdown"],
            r["value"],
            r["status"],
        )
        for r in table.to_pylist()
    )
    assert got == [
        (2, "realisation", "PV25", "2024-Q1", "Bron=provincie", 1500.0, "normal"),
        (2, "target", "PV25", "2024-Q1", "Bron=provincie", 2000.0, "normal"),
        (3, "realisation", "PV25", "2024-Q2", "Bron=provincie;Soort=snel", 250.0, "normal"),
        (3, "target", "PV25", "2024-Q2", "Bron=provincie;Soort=snel", None, "missing"),
        (4, "realisation", "PV26", "2024-Q1", "Bron=provincie", None, "confidential"),
        (4, "target", "PV26", "2024-Q1", "Bron=provincie", None, "missing"),
    ]


def test_a_bad_quarter_names_both_period_columns(tmp_path):
    rows = [["Gelderland", "2024", "KW5", "Totaal", "1", "1"]]
    path = write_rows(tmp_path / "laadpunten.csv", HEADER, rows, delimiter=";")
    context = ValidationContext(known_areas=frozenset({"PV25"}), indicators={"laadpunten": SPEC})
    _, ingest = ingest_table(path, mapping_from_dict(MAPPING), context)
    (error,) = ingest.report.errors
    assert (error.rule, error.row, error.column, error.value) == (
        "unknown_period_code",
        2,
        "Jaar, Kwartaal",
        "2024 KW5",
    )
