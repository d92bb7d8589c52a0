"""Real files as their sources publish them (issue 12): mixed periodicity, geography in
several columns, periods beyond the calendar, row filters and non-additive breakdowns."""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

import pytest
import yaml

from koers.deliveries.ingest import (
    TEMPLATE_COLUMNS,
    IndicatorSpec,
    ValidationContext,
    load_mapping,
    mapping_from_dict,
    parse_period,
    specs_from_catalogue,
)

from .conftest import DUTCH_AREAS, csv_rows, ingest_table, write_rows

ROOT = Path(__file__).resolve().parents[4]
MAPPINGS = ROOT / "koers" / "deliveries" / "mappings"
UK_AREAS = ROOT / "koers" / "areas" / "peers" / "united_kingdom.yaml"


@pytest.fixture(scope="module")
def uk_codes() -> dict[str, str]:
    """Area name -> code, from the UK area register file."""
    return {a["name"]: a["code"] for a in yaml.safe_load(UK_AREAS.read_text())["areas"]}


@pytest.fixture(scope="module")
def wide_context(uk_codes) -> ValidationContext:
    return ValidationContext(
        known_areas=DUTCH_AREAS | frozenset(uk_codes.values()), indicators=specs_from_catalogue()
    )


def read(path: Path, mapping, context):
    table, ingest = ingest_table(path, mapping, context)
    return table.to_pylist(), ingest


# -- 1. mixed periodicity: months and the year in one table -----------------------------------


def test_drinking_water_months_and_years_import_unchanged(real_data, wide_context):
    path = real_data / "tables" / "37687wat_drinkwater.csv"
    rows, ingest = read(path, load_mapping(MAPPINGS / "cbs-37687wat.yaml"), wide_context)
    assert ingest.report.valid, [e.message_en for e in ingest.report.errors[:3]]
    _, source = csv_rows(path)
    kept = [r for r in source if not r[1].startswith("LD")]
    assert ingest.rows_read == len(source) == 884 and ingest.rows_skipped == 4 * 52
    assert len(rows) == len(kept) * 4
    periods = Counter(r["period"] for r in rows if r["indicator"] == "drinkwater_eigen_productie")
    assert periods["2000"] == 13 and periods["2000-01"] == 13  # NL01 + 12 provinces
    national = {
        r["period"]: r["value"]
        for r in rows
        if (r["indicator"], r["area"]) == ("drinkwater_eigen_productie", "NL01")
    }
    # README: the twelve months sum exactly to the year, 1258.869 = 1258.869
    assert national["2000"] == pytest.approx(1258.869)
    assert sum(national[f"2000-{m:02d}"] for m in range(1, 13)) == pytest.approx(1258.869)


def test_the_year_is_never_an_outlier_among_its_months(real_data, wide_context):
    path = real_data / "tables" / "37687wat_drinkwater.csv"
    _, ingest = read(path, load_mapping(MAPPINGS / "cbs-37687wat.yaml"), wide_context)
    flagged = {(w.row, w.column) for w in ingest.report.filter(rule="outlier")}
    _, source = csv_rows(path)
    year_rows = {n for n, r in enumerate(source, start=2) if r[2].endswith("JJ00")}
    assert not {row for row, _ in flagged} & year_rows


def spec(code: str, **rules) -> IndicatorSpec:
    return IndicatorSpec(code=code, breakdowns={"Geslacht": frozenset({"_T", "M", "V"})}, **rules)


def template_file(tmp_path: Path, rows: list[list[str]]) -> Path:
    full = [[i, a, p, b, "", v, ""] for i, a, p, b, v in rows]
    return write_rows(tmp_path / "levering.csv", list(TEMPLATE_COLUMNS), full)


@pytest.mark.parametrize(
    ("periodicity", "time_rule", "period", "accepted"),
    [
        ("month", "sum", "2023", True),  # a year next to its months: a total over time
        ("month", "last", "2023-Q1", True),
        ("year", "sum", "2013/2016", True),  # a range of years from its years
        ("year", "sum", "2023-03", False),  # finer than the indicator: never
        ("month", "sum", "FY2023/24", False),  # a financial year is not made of calendar months
        ("year", "none", "2023-03", True),  # rule none: each periodicity its own series
        ("year", "none", "FY2023/24", True),
        ("financial_year", "sum", "FY2023/24", True),
        ("financial_year", "sum", "2023", False),  # a calendar year is never a financial year
        ("financial_year", "sum", "AY2023/24", False),  # nor is an academic year
        ("financial_year", "sum", "2013/2016", False),  # years are not made of financial years
        ("schadejaar", "last", "2023-Q4", False),
    ],
)
def test_a_coarser_period_is_accepted_where_the_time_rule_can_compute_it(
    tmp_path, periodicity, time_rule, period, accepted
):
    specs = {"x": IndicatorSpec(code="x", periodicity=periodicity, time_rule=time_rule)}
    context = ValidationContext(known_areas=DUTCH_AREAS, indicators=specs)
    _, ingest = read(template_file(tmp_path, [["x", "PV20", period, "", "5"]]), None, context)
    assert ingest.report.valid is accepted
    if not accepted:
        assert [e.rule for e in ingest.report.errors] == ["wrong_periodicity"]


# -- 9. one language per message ---------------------------------------------------------------

DUTCH_WORDS = ("jaar", "kwartaal", "maand", "halfjaar", "verwacht", "periode ", "boekjaar")


def test_the_english_message_has_no_dutch_words_and_the_dutch_one_no_english(tmp_path):
    specs = {"x": IndicatorSpec(code="x", periodicity="year")}
    context = ValidationContext(known_areas=DUTCH_AREAS, indicators=specs)
    _, ingest = read(template_file(tmp_path, [["x", "PV20", "2023-Q1", "", "5"]]), None, context)
    (error,) = ingest.report.errors
    assert "is a quarter; indicator 'x' expects a year" in error.message_en
    assert not [w for w in DUTCH_WORDS if w in error.message_en.lower()]
    assert "is een kwartaal; indicator 'x' verwacht een jaar" in error.message_nl
    assert not [w for w in ("quarter", "expects", "year ") if w in error.message_nl]


# -- 2. validation that fits the indicator -----------------------------------------------------


def test_medians_means_and_rates_with_breakdowns_import_without_parts_errors(tmp_path):
    # a median age: men 44, women 47, everyone 45.5 -- the parts "add up" to 91
    rows = [
        ["leeftijd_mediaan", "PV20", "2023", "", "45.5"],
        ["leeftijd_mediaan", "PV20", "2023", "Geslacht=M", "44"],
        ["leeftijd_mediaan", "PV20", "2023", "Geslacht=V", "47"],
    ]
    path = template_file(tmp_path, rows)
    for rule, valid in (("none", True), ("weighted_mean", True), ("ratio", True), ("sum", False)):
        specs = {"leeftijd_mediaan": spec("leeftijd_mediaan", area_rule=rule)}
        context = ValidationContext(known_areas=DUTCH_AREAS, indicators=specs)
        _, ingest = read(path, None, context)
        assert ingest.report.valid is valid, rule
        assert bool(ingest.report.filter(rule="parts_exceed_total")) is not valid


def test_an_overlapping_dimension_is_not_checked_and_the_report_says_so(tmp_path):
    # several travel modes per person: the parts add up to more than the people
    header = ["Gebied", "Jaar", "Vervoerwijze", "Personen"]
    rows = [["PV20", "2023", "T", "100"], ["PV20", "2023", "F", "70"], ["PV20", "2023", "A", "60"]]
    path = write_rows(tmp_path / "vervoer.csv", header, rows)
    specs = {
        "reizigers": IndicatorSpec(
            code="reizigers", breakdowns={"Vervoerwijze": frozenset({"_T", "fiets", "auto"})}
        )
    }
    context = ValidationContext(known_areas=DUTCH_AREAS, indicators=specs)
    base = {
        "name": "vervoer",
        "area": {"column": "Gebied"},
        "period": {"column": "Jaar"},
        "breakdowns": {
            "Vervoerwijze": {
                "column": "Vervoerwijze",
                "codes": {"T": "_T", "F": "fiets", "A": "auto"},
            }
        },
        "values": [{"column": "Personen", "indicator": "reizigers"}],
    }
    _, strict = read(path, mapping_from_dict(base), context)
    assert [e.rule for e in strict.report.errors] == ["parts_exceed_total"]
    base["breakdowns"]["Vervoerwijze"]["overlapping"] = True
    table, lenient = read(path, mapping_from_dict(base), context)
    assert lenient.report.valid and len(table) == 3
    (warning,) = lenient.report.warnings
    assert (warning.rule, warning.column) == ("overlapping_breakdown", "Vervoerwijze")
    assert "Vervoerwijze" in warning.message_en and "overlappend" in warning.message_nl


# -- 3. geography in several columns, 4. a multi-year range ------------------------------------


def test_uk_land_use_file_imports_unchanged_with_areas_from_the_narrowest_column(
    real_data, wide_context, uk_codes
):
    path = real_data / "sdg" / "uk_indicator_11-3-1.csv"
    rows, ingest = read(path, load_mapping(MAPPINGS / "sdg-uk-11-3-1.yaml"), wide_context)
    assert ingest.report.valid, [e.message_en for e in ingest.report.errors[:3]]
    assert ingest.rows_read == len(rows) == 1176 and not ingest.report.warnings
    assert {r["period"] for r in rows} == {"2013/2016"}
    assert Counter(r["indicator"] for r in rows) == {
        "uk_land_consumption_rate": 392,
        "uk_population_growth_rate": 392,
        "uk_ruimtebeslag_per_bevolkingsgroei": 392,
    }
    header, source = csv_rows(path)
    levels = [header.index(c) for c in ("Country", "Region", "Local Authority")]
    welsh, scottish = header.index("Welsh Unitary Authority"), header.index("Scottish Council Area")
    by_row = {r["source_row"]: r["area"] for r in rows}
    kinds = Counter()
    for n, line in enumerate(source, start=2):
        cells = [line[i] for i in (*levels, welsh, scottish) if line[i]]
        assert by_row[n] == uk_codes[cells[-1]]  # the narrowest non-blank cell names the area
        kinds[len(cells)] += 1
    # README: 12 country or Great Britain rows, 27 region rows, 978 + 66 + 93 local ones
    assert (kinds[1], kinds[2], kinds[3]) == (12, 27 + 66 + 93, 978)
    # Scottish councils all carry Scotland's GeoCode, yet no row is a duplicate
    assert by_row[next(n for n, r in enumerate(source, 2) if r[scottish])] != "S92000003"


def test_the_geocode_column_alone_would_make_false_duplicates(real_data, wide_context):
    mapping = load_mapping(MAPPINGS / "sdg-uk-11-3-1.yaml")
    by_code = dataclasses.replace(
        mapping,
        area=mapping_from_dict(
            {
                "name": "x",
                "area": {"column": "GeoCode"},
                "period": {"column": "Year"},
                "values": [{"column": "Value", "indicator": "x"}],
            }
        ).area,
    )
    _, ingest = read(real_data / "sdg" / "uk_indicator_11-3-1.csv", by_code, wide_context)
    assert not ingest.report.valid  # why the shipped mapping names the columns instead


@pytest.mark.parametrize(
    ("style", "text", "code"),
    [
        ("financial_year", "2019/20", "FY2019/20"),
        ("financial_year", "2019-2020", "FY2019/20"),
        ("academic_year", "2019/20", "AY2019/20"),
        ("schadejaar", "2023/24", "SJ2023/24"),
        ("range", "2013/16", "2013/2016"),
        ("range", "1998-2003", "1998/2003"),
        ("auto", "FY2019/20", "FY2019/20"),
        ("canonical", "2013/2016", "2013/2016"),
    ],
)
def test_periods_beyond_the_calendar_are_read_in_the_mappings_style(style, text, code):
    assert parse_period(text, style=style) == code


@pytest.mark.parametrize(
    ("style", "text"), [("financial_year", "2019/21"), ("range", "2016/13"), ("auto", "2019/20")]
)
def test_an_impossible_period_beyond_the_calendar_is_an_unknown_period_code(tmp_path, style, text):
    path = write_rows(tmp_path / "f.csv", ["Gebied", "Jaar", "Waarde"], [["PV20", text, "1"]])
    mapping = mapping_from_dict(
        {
            "name": "f",
            "area": {"column": "Gebied"},
            "period": {"column": "Jaar", "style": style},
            "values": [{"column": "Waarde", "indicator": "x"}],
        }
    )
    context = ValidationContext(known_areas=DUTCH_AREAS, indicators={"x": IndicatorSpec("x")})
    _, ingest = read(path, mapping, context)
    assert [(e.rule, e.value) for e in ingest.report.errors] == [("unknown_period_code", text)]


# -- 5. row filters ----------------------------------------------------------------------------


def test_a_row_filter_keeps_or_skips_rows_by_their_cells(real_data, wide_context):
    path = real_data / "sdg" / "uk_indicator_11-3-1.csv"
    shipped = load_mapping(MAPPINGS / "sdg-uk-11-3-1.yaml")
    raw = yaml.safe_load((MAPPINGS / "sdg-uk-11-3-1.yaml").read_text())
    raw["row_filter"] = {
        "keep": {"Units": ["Ratio"]},
        "skip": {"Country": ["Scotland", "Wales"]},
    }
    rows, ingest = read(path, mapping_from_dict(raw), wide_context)
    assert ingest.report.valid
    assert {r["indicator"] for r in rows} == {"uk_ruimtebeslag_per_bevolkingsgroei"}
    header, source = csv_rows(path)
    units, country = header.index("Units"), header.index("Country")
    expected = [
        r for r in source if r[units] == "Ratio" and r[country] not in ("Scotland", "Wales")
    ]
    assert len(rows) == len(expected) == 392 - 32 - 23
    assert ingest.rows_skipped == 1176 - len(expected)
    assert shipped.row_filter.columns() == []


def test_a_row_filter_on_a_column_the_file_lacks_is_a_missing_column(real_data, wide_context):
    raw = yaml.safe_load((MAPPINGS / "sdg-uk-11-3-1.yaml").read_text())
    raw["row_filter"] = {"keep": {"Eigendom": ["Totaal"]}}
    path = real_data / "sdg" / "uk_indicator_11-3-1.csv"
    _, ingest = read(path, mapping_from_dict(raw), wide_context)
    assert [(e.rule, e.column) for e in ingest.report.errors] == [("missing_column", "Eigendom")]


def test_row_filter_values_must_be_lists():
    with pytest.raises(Exception, match=r"row_filter\.keep\.Units"):
        mapping_from_dict(
            {
                "name": "f",
                "area": {"column": "A"},
                "period": {"column": "P"},
                "row_filter": {"keep": {"Units": "Ratio"}},
                "values": [{"column": "V", "indicator": "x"}],
            }
        )
