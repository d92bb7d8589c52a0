"""Each validation rule on a small template file, against a context built for the test."""

import pytest

from koers.deliveries.ingest import (
    TEMPLATE_COLUMNS,
    IndicatorSpec,
    ValidationContext,
    mapping_from_dict,
)

from .conftest import ingest_table, write_rows

PROVINCES = frozenset(f"PV{n}" for n in range(20, 32)) | {"NL01"}
SPECS = {
    "bevolking": IndicatorSpec(
        code="bevolking",
        value_type="integer",
        minimum=0,
        maximum=30_000_000,
        periodicity="year",
        breakdowns={"Geslacht": frozenset({"_T", "M", "V"})},
        decimals=0,
    ),
    "zon": IndicatorSpec(
        code="zon",
        periodicity="year",
        breakdowns={"Bron": frozenset({"_T", "zon", "zon_dak", "zon_veld"})},
        parents={"Bron": {"zon_dak": "zon", "zon_veld": "zon"}},
        decimals=0,
    ),
}


def run(tmp_path, rows, **settings):
    context = ValidationContext(known_areas=PROVINCES, indicators=SPECS, **settings)
    path = write_rows(tmp_path / "levering.csv", list(TEMPLATE_COLUMNS), rows)
    return ingest_table(path, None, context)


def row(indicator, area, period, value, breakdown="", kind="", status=""):
    return [indicator, area, period, breakdown, kind, value, status]


def found(ingest, severity="error"):
    return sorted((e.row, e.column, e.rule) for e in ingest.report.filter(severity=severity))


def test_a_clean_file_has_an_empty_report(tmp_path):
    table, ingest = run(tmp_path, [row("bevolking", "PV20", "2023", "586813")])
    assert ingest.report.valid and ingest.report.to_dict() == {
        "errors": [],
        "warnings": [],
        "error_counts": {},
        "warning_counts": {},
    }
    assert table.num_rows == 1 and ingest.report.complete


def test_out_of_range_and_whole_numbers(tmp_path):
    _, ingest = run(
        tmp_path,
        [row("bevolking", "PV20", "2023", "-5"), row("bevolking", "PV21", "2023", "12.5")],
    )
    assert found(ingest) == [(2, "waarde", "out_of_range"), (3, "waarde", "wrong_type")]
    assert ingest.report.filter(rule="wrong_type")[0].message_nl == (
        "Rij 3, kolom 'waarde': '12.5' is geen geheel getal."
    )


def test_wrong_periodicity(tmp_path):
    _, ingest = run(tmp_path, [row("bevolking", "PV20", "2023-Q1", "5")])
    (error,) = ingest.report.errors
    assert (error.rule, error.row, error.column, error.value) == (
        "wrong_periodicity",
        2,
        "periode",
        "2023-Q1",
    )
    assert "is een kwartaal; indicator 'bevolking' verwacht een jaar" in error.message_nl


def test_unknown_breakdown_code_and_dimension(tmp_path):
    _, ingest = run(
        tmp_path,
        [
            row("bevolking", "PV20", "2023", "5", "Geslacht=X"),
            row("bevolking", "PV20", "2022", "5", "Leeftijd=10"),
        ],
    )
    assert found(ingest) == [
        (2, "uitsplitsing", "unknown_breakdown_code"),
        (3, "uitsplitsing", "unknown_breakdown_code"),
    ]
    assert [e.value for e in ingest.report.errors] == ["Geslacht=X", "Leeftijd=10"]


def test_area_outside_the_stewards_province(tmp_path):
    rows = [row("bevolking", "PV25", "2023", "5"), row("bevolking", "PV26", "2023", "5")]
    table, ingest = run(tmp_path, rows, allowed_areas=frozenset({"PV25"}))
    assert found(ingest) == [(3, "gebied", "area_out_of_scope")]
    assert table["area"].to_pylist() == ["PV25"]


def test_required_values(tmp_path):
    _, ingest = run(
        tmp_path, [row("bevolking", "", "2023", "5"), row("bevolking", "PV20", " ", "5")]
    )
    assert found(ingest) == [
        (2, "gebied", "required_value_missing"),
        (3, "periode", "required_value_missing"),
    ]


def test_parts_exceeding_their_total(tmp_path):
    rows = [
        row("bevolking", "PV20", "2023", "100"),
        row("bevolking", "PV20", "2023", "60", "Geslacht=M"),
        row("bevolking", "PV20", "2023", "50", "Geslacht=V"),
        row("bevolking", "PV21", "2023", "100"),
        row("bevolking", "PV21", "2023", "60", "Geslacht=M"),
        row("zon", "PV20", "2023", "10", "Bron=zon"),
        row("zon", "PV20", "2023", "6", "Bron=zon_dak"),
        row("zon", "PV20", "2023", "6", "Bron=zon_veld"),  # 12 > 10 + rounding of 2 parts
    ]
    _, ingest = run(tmp_path, rows)
    errors = ingest.report.errors
    assert found(ingest) == [
        (2, "waarde", "parts_exceed_total"),
        (7, "waarde", "parts_exceed_total"),
    ]
    assert errors[0].params == {"dimension": "Geslacht", "parts": "110"}
    assert errors[1].message_en == (
        "Row 7, column 'waarde': the parts of Bron add up to 12, more than the total 10."
    )


def test_parts_within_rounding_are_accepted(tmp_path):
    rows = [
        row("bevolking", "PV20", "2023", "100"),
        row("bevolking", "PV20", "2023", "50.4", "Geslacht=M"),
        row("bevolking", "PV20", "2023", "50", "Geslacht=V"),
    ]
    specs = {"bevolking": IndicatorSpec(**{**SPECS["bevolking"].__dict__, "value_type": "number"})}
    context = ValidationContext(known_areas=PROVINCES, indicators=specs)
    path = write_rows(tmp_path / "afronding.csv", list(TEMPLATE_COLUMNS), rows)
    _, ingest = ingest_table(path, None, context)
    assert ingest.report.valid


def test_duplicates_name_both_rows(tmp_path):
    rows = [row("bevolking", "PV20", "2023", "5"), row("bevolking", "PV20", "2023JJ00", "6")]
    _, ingest = run(tmp_path, rows)
    (error,) = ingest.report.errors
    assert (error.rule, error.row, error.params["first_row"]) == ("duplicate_key", 3, 2)
    assert "area=PV20" in error.params["key"] and "period=2023" in error.params["key"]


def test_a_target_for_the_same_period_is_not_a_duplicate(tmp_path):
    rows = [
        row("bevolking", "PV20", "2020", "5"),
        row("bevolking", "PV20", "2020", "6", kind="doel"),
    ]
    _, ingest = run(tmp_path, rows)
    assert ingest.report.valid


def history_of(values):
    def lookup(indicator, area, breakdown):
        return [(str(2015 + i), v) for i, v in enumerate(values)] if area == "PV20" else []

    return lookup


def test_outlier_against_the_areas_history(tmp_path):
    history = history_of([100, 102, 98, 101, 99, 100])
    rows = [row("bevolking", "PV20", "2022", "100"), row("bevolking", "PV20", "2023", "400")]
    _, ingest = run(tmp_path, rows, history=history, jump_threshold=10)
    assert ingest.report.valid
    assert found(ingest, "warning") == [(3, "waarde", "outlier")]
    (warning,) = ingest.report.warnings
    assert warning.params["median"] == "100" and float(warning.params["score"]) > 3.5


def test_no_outlier_with_fewer_than_five_points(tmp_path):
    rows = [row("bevolking", "PV20", "2022", "100"), row("bevolking", "PV20", "2023", "400")]
    _, ingest = run(tmp_path, rows, history=history_of([100, 101]), jump_threshold=10)
    assert found(ingest, "warning") == []


def test_large_jump_from_the_previous_period_in_history_or_file(tmp_path):
    rows = [row("bevolking", "PV20", "2021", "150"), row("bevolking", "PV20", "2022", "160")]
    _, ingest = run(tmp_path, rows, history=history_of([100] * 6))
    assert ingest.report.filter(rule="large_jump") == []  # +50 % is not more than 50 %
    _, ingest = run(tmp_path, rows, history=history_of([100] * 6), jump_threshold=0.4)
    jumps = ingest.report.filter(rule="large_jump")
    assert [(w.row, w.params["previous_period"], w.params["change"]) for w in jumps] == [
        (2, "2020", "+50%")  # 2020 comes from history; 2022 against 2021 in the file is +7 %
    ]


def test_unknown_indicator_in_a_mapping_is_reported_once_on_the_header(tmp_path):
    mapping = mapping_from_dict(
        {
            "name": "test",
            "area": {"column": "gebied"},
            "period": {"column": "jaar"},
            "values": [
                {"column": "inwoners", "indicator": "bevolking"},
                {"column": "molens", "indicator": "windmolens_onbekend"},
            ],
        }
    )
    path = write_rows(
        tmp_path / "m.csv",
        ["gebied", "jaar", "inwoners", "molens"],
        [["PV20", str(year), "5", "1"] for year in (2021, 2022, 2023)],
    )
    context = ValidationContext(known_areas=PROVINCES, indicators=SPECS)
    table, ingest = ingest_table(path, mapping, context)
    assert found(ingest) == [(1, "molens", "unknown_indicator")]
    assert set(table["source_column"].to_pylist()) == {"inwoners"}


def test_a_mapped_column_missing_from_the_file(tmp_path):
    mapping = mapping_from_dict(
        {
            "name": "test",
            "area": {"column": "gebied"},
            "period": {"column": "jaar"},
            "values": [{"column": "inwoners", "indicator": "bevolking"}],
        }
    )
    path = write_rows(
        tmp_path / "m.csv", ["gebied", "periode", "inwoners"], [["PV20", "2023", "5"]]
    )
    context = ValidationContext(known_areas=PROVINCES, indicators=SPECS)
    table, ingest = ingest_table(path, mapping, context)
    assert found(ingest) == [(1, "jaar", "missing_column")]
    assert table.num_rows == 0 and ingest.report.complete


def test_bytes_that_are_not_utf8_are_an_unreadable_file(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes(
        "indicator,gebied,periode,waarde\nbevolking,PV20,2023,5 inw\xe9ners\n".encode("latin-1")
    )
    context = ValidationContext(known_areas=PROVINCES, indicators=SPECS)
    table, ingest = ingest_table(path, None, context)
    (error,) = ingest.report.errors
    assert error.rule == "unreadable_file" and "utf-8" in error.message_en
    assert table.num_rows == 0


@pytest.mark.parametrize("limit", [1, 3])
def test_counts_stay_exact_when_details_are_capped(tmp_path, limit):
    rows = [row("bevolking", f"XX{i:02d}", "2023", "5") for i in range(10)]
    _, ingest = run(tmp_path, rows, max_errors_per_rule=limit)
    assert ingest.report.count("unknown_area") == 10
    assert len(ingest.report.filter(rule="unknown_area")) == limit
    assert ingest.report.truncated


@pytest.mark.parametrize(
    ("name", "content"),
    [("kapot.xlsx", b"PK\x03\x04 this is not a workbook"), ("ruis.bin", b"\x00\x01\x02\x00\xff")],
)
def test_a_file_that_is_no_csv_xlsx_or_json_is_reported_not_raised(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    context = ValidationContext(known_areas=PROVINCES, indicators=SPECS)
    mapping = mapping_from_dict(
        {
            "name": "test",
            "area": {"column": "gebied"},
            "period": {"column": "jaar"},
            "values": [{"column": "inwoners", "indicator": "bevolking"}],
        }
    )
    table, ingest = ingest_table(path, mapping, context)
    assert [e.rule for e in ingest.report.errors] == ["unreadable_file"]
    assert table.num_rows == 0 and ingest.report.complete
