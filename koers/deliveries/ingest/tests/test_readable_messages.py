"""Messages a steward can act on: every error of a file in one pass, numbers and ranges the
Dutch way, a suggestion for a typo, and a decimal comma explained (or read, when declared).
"""

from pathlib import Path

import pytest

from koers.deliveries.ingest import TEMPLATE_COLUMNS, load_mapping

from .conftest import ingest_table, write_rows

WORKSPACE = Path(__file__).resolve().parents[3] / "workspace"
ROW = {"indicator": "ammoniakemissie_mest", "gebied": "PV25", "periode": "2020"}


def template_file(tmp_path, *rows: dict, delimiter=",") -> Path:
    cells = [[{**ROW, **row}.get(c, "") for c in TEMPLATE_COLUMNS] for row in rows]
    return write_rows(tmp_path / "levering.csv", list(TEMPLATE_COLUMNS), cells, delimiter)


def messages(ingest, rule: str) -> list[str]:
    return [e.message_nl for e in ingest.report.filter(rule=rule)]


def test_a_row_with_a_bad_area_and_a_bad_value_reports_both_at_once(tmp_path, context):
    path = template_file(tmp_path, {"gebied": "PV52", "waarde": "veel"}, {"waarde": "5"})
    table, ingest = ingest_table(path, None, context)
    assert [(e.rule, e.row) for e in ingest.report.errors] == [
        ("unknown_area", 2),
        ("wrong_type", 2),
    ]
    assert table.num_rows == 1  # the bad row is still left out


def test_an_unknown_area_suggests_the_code_with_its_digits_swapped(tmp_path, context):
    path = template_file(tmp_path, {"gebied": "PV52", "waarde": "5"})
    _, ingest = ingest_table(path, None, context)
    (message,) = messages(ingest, "unknown_area")
    assert message == "Rij 2, kolom 'gebied': gebiedscode 'PV52' is onbekend. Bedoelt u 'PV25'?"
    (error,) = ingest.report.filter(rule="unknown_area")
    assert error.message_en.endswith("is unknown. Did you mean 'PV25'?")


def test_a_code_like_nothing_known_gets_no_suggestion(tmp_path, context):
    path = template_file(tmp_path, {"gebied": "Gelderland", "waarde": "5"})
    _, ingest = ingest_table(path, None, context)
    assert messages(ingest, "unknown_area")[0].endswith("'Gelderland' is onbekend.")


def test_a_misspelt_indicator_suggests_the_catalogue_code(tmp_path, context):
    path = template_file(tmp_path, {"indicator": "ammoniakemisie_mest", "waarde": "5"})
    _, ingest = ingest_table(path, None, context)
    assert messages(ingest, "unknown_indicator")[0].endswith(
        "staat niet in de catalogus. Bedoelt u 'ammoniakemissie_mest'?"
    )


@pytest.mark.parametrize(("typed", "point"), [("12,5", "12.5"), ("1.234,5", "1234.5")])
def test_a_decimal_comma_is_explained_not_called_text(tmp_path, context, typed, point):
    path = template_file(tmp_path, {"waarde": typed})
    _, ingest = ingest_table(path, None, context)
    assert not ingest.report.filter(rule="wrong_type")
    (message,) = messages(ingest, "decimal_comma")
    assert message == (
        f"Rij 2, kolom 'waarde': '{typed}' heeft een decimale komma; gebruik een punt "
        f"({point}), of kies de Nederlandse getalnotatie."
    )


def test_dutch_notation_reads_decimal_commas_and_thousands_points(tmp_path, context):
    mapping = load_mapping(WORKSPACE / "sjabloon_nl.yaml")
    path = template_file(
        tmp_path,
        {"waarde": "12,5"},
        {"waarde": "1.234,5", "periode": "2021"},
        {"waarde": "7", "periode": "2022"},
        delimiter=";",
    )
    table, ingest = ingest_table(path, mapping, context)
    assert ingest.report.valid, [e.message_nl for e in ingest.report.errors]
    assert sorted(table.column("value").to_pylist()) == [7.0, 12.5, 1234.5]


def test_a_range_is_said_in_words_and_numbers_are_written_the_dutch_way(tmp_path, context):
    path = template_file(
        tmp_path,
        {"waarde": "-1500000"},  # ammonia emission: at least 0, at most 1,000,000
        {"indicator": "netcongestie_wachtrij", "periode": "2020-Q1", "waarde": "-2.5"},
    )
    _, ingest = ingest_table(path, None, context)
    bounded, unbounded = messages(ingest, "out_of_range")
    assert "waarde -1.500.000 is niet plausibel" in bounded
    assert bounded.endswith("die moet tussen 0 en 1.000.000 liggen.")
    assert unbounded.endswith("die moet minstens 0 zijn.")  # no maximum in the catalogue
    assert "waarde -2,5 is" in unbounded
    for text in (bounded, unbounded):
        assert "None" not in text and "e+" not in text and "[" not in text


def test_a_missing_value_column_does_not_hide_the_other_errors(tmp_path, context):
    from koers.deliveries.ingest import mapping_from_dict

    mapping = mapping_from_dict(
        {
            "name": "twee-kolommen",
            "area": {"column": "gebied"},
            "period": {"column": "jaar"},
            "values": [
                {"column": "ammoniak", "indicator": "ammoniakemissie_mest"},
                {"column": "stikstof", "indicator": "stikstofuitscheiding_dieren"},
            ],
        }
    )
    rows = [["PV52", "2020", "veel"], ["PV25", "2020", "5"]]
    path = write_rows(tmp_path / "kop.csv", ["gebied", "jaar", "ammoniak"], rows)
    table, ingest = ingest_table(path, mapping, context)
    assert [(e.rule, e.row, e.column) for e in ingest.report.errors] == [
        ("missing_column", 1, "stikstof"),  # the header problem
        ("wrong_type", 2, "ammoniak"),  # and, in the same pass, every row's problems
        ("unknown_area", 2, "gebied"),
    ]
    assert not ingest.report.valid and table.num_rows == 1


def test_without_its_area_column_no_row_can_be_placed(tmp_path, context):
    from koers.deliveries.ingest import mapping_from_dict

    mapping = mapping_from_dict(
        {
            "name": "zonder-gebied",
            "area": {"column": "gebied"},
            "period": {"column": "jaar"},
            "values": [{"column": "ammoniak", "indicator": "ammoniakemissie_mest"}],
        }
    )
    path = write_rows(tmp_path / "kop.csv", ["regio", "jaar", "ammoniak"], [["PV25", "2020", "x"]])
    table, ingest = ingest_table(path, mapping, context)
    assert [e.rule for e in ingest.report.errors] == ["missing_column"]
    assert table.num_rows == 0
