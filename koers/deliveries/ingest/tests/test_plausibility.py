"""Plausible values only: a sanity range per indicator (its own, else from its unit),
no NaN or infinity, no realisation for a period that has not ended, and messages a
person can read in Dutch and English."""

import datetime as dt
import re

import pyarrow as pa
import pytest
import time_machine

from koers.deliveries.ingest import TEMPLATE_COLUMNS, IndicatorSpec, ValidationContext
from koers.deliveries.ingest.validation.plausibility import CEILING, plausible_range, unit_range
from koers.deliveries.ingest.values import parse_values

from .conftest import ingest_table, write_rows

AREAS = frozenset({"PV20", "PV21", "PV22"})
SPECS = {
    "aandeel": IndicatorSpec(code="aandeel", unit="%"),
    "laadpunten": IndicatorSpec(code="laadpunten", value_type="integer", unit="aantal"),
    "saldo": IndicatorSpec(code="saldo", unit="EUR"),
    "geboortecijfer": IndicatorSpec(code="geboortecijfer", unit="per 1 000 inwoners"),
    "eigen": IndicatorSpec(code="eigen", unit="%", minimum=-10, maximum=10),
}


def run(tmp_path, rows, **context):
    ctx = ValidationContext(known_areas=AREAS, indicators=SPECS, **context)
    path = write_rows(tmp_path / "levering.csv", list(TEMPLATE_COLUMNS), rows)
    return ingest_table(path, None, ctx)


def row(indicator, value, period="2020", area="PV20", kind=""):
    return [indicator, area, period, "", kind, value, ""]


def errors(ingest):
    return sorted((e.row, e.rule) for e in ingest.report.errors)


def test_the_unit_gives_a_range_when_the_indicator_sets_none():
    assert unit_range("%") == (0, 100)
    assert unit_range("per 1 000 inwoners") == (0, 1000)
    assert unit_range("aantal") == (0, CEILING)
    assert unit_range("t CO2-eq") == (-CEILING, CEILING)  # emissions may be net negative
    assert unit_range(None, "integer") == (0, CEILING)
    assert plausible_range(SPECS["eigen"]) == (-10, 10)  # set per indicator, it wins


def test_values_outside_the_range_are_errors_with_a_readable_range(tmp_path):
    _, ingest = run(
        tmp_path,
        [
            row("aandeel", "100"),
            row("aandeel", "150", area="PV21"),
            row("laadpunten", "-1"),
            row("geboortecijfer", "1001"),
            row("eigen", "50"),
            row("saldo", "-2500000"),
        ],
    )
    assert errors(ingest) == [(row, "out_of_range") for row in (3, 4, 5, 6)]
    first = ingest.report.errors[0]
    assert first.message_nl == (
        "Rij 3, kolom 'waarde': waarde 150 is niet plausibel voor indicator 'aandeel': "
        "die moet tussen 0 en 100 liggen."
    )
    assert first.message_en.endswith("it must lie between 0 and 100.")


def test_1e30_no_longer_passes_for_an_indicator_without_a_maximum(tmp_path):
    _, ingest = run(tmp_path, [row("saldo", "1e30"), row("laadpunten", "1e14", area="PV21")])
    assert errors(ingest) == [(2, "out_of_range")]
    error = ingest.report.errors[0]
    assert "1 × 10^30" in error.message_nl and "tussen -1 × 10^15 en 1 × 10^15" in error.message_nl


@pytest.mark.parametrize("text", ["NaN", "nan", "Infinity", "-Infinity", "inf", "1e999", "-1e400"])
def test_nan_and_infinity_never_pass(tmp_path, text):
    table, ingest = run(tmp_path, [row("saldo", text)])
    assert errors(ingest) == [(2, "wrong_type")] and table.num_rows == 0


def test_a_multiplier_that_overflows_is_not_a_number():
    parsed = parse_values(pa.array(["1e308", "2"]), multiplier=1000.0)
    assert parsed.bad.to_pylist() == [True, False]
    assert parsed.value.to_pylist() == [None, 2000.0]


@time_machine.travel(dt.datetime(2024, 6, 15, 12, 0), tick=False)
def test_a_realisation_for_a_period_that_has_not_ended_is_an_error(tmp_path):
    _, ingest = run(
        tmp_path,
        [
            row("saldo", "1", period="2023"),
            row("saldo", "1", period="2024-Q1"),
            row("saldo", "1", period="2024-05"),
            row("saldo", "1", period="2024-06"),  # ends on 30 June: not over yet
            row("saldo", "1", period="2024"),
            row("saldo", "1", period="2099"),
            row("saldo", "1", period="2099", kind="doel"),  # a target may lie ahead
            row("saldo", "1", period="2025", kind="prognose"),
        ],
    )
    assert errors(ingest) == [(row, "period_not_ended") for row in (5, 6, 7)]
    error = ingest.report.errors[-1]
    assert error.message_nl == (
        "Rij 7, kolom 'periode': periode '2099' loopt tot en met 2099-12-31; een realisatie "
        "kan pas daarna geleverd worden (vandaag is 2024-06-15)."
    )


def test_the_context_can_say_what_today_is(tmp_path):
    _, ingest = run(tmp_path, [row("saldo", "1", period="2020")], today=dt.date(2020, 12, 31))
    assert errors(ingest) == [(2, "period_not_ended")]


def test_a_value_far_outside_the_history_is_a_warning_not_an_error(tmp_path):
    history = [(str(year), 100.0 + year % 3) for year in range(2010, 2020)]
    _, ingest = run(tmp_path, [row("saldo", "90000", period="2020")], history=lambda *key: history)
    assert ingest.report.valid
    assert {w.rule for w in ingest.report.warnings} == {"outlier", "large_jump"}


def test_no_message_shows_none_or_scientific_notation(tmp_path):
    rows = [row("saldo", v, area=a) for v, a in (("1e30", "PV20"), ("1.5e6", "PV21"))]
    rows += [row("aandeel", "1e-9", period="2099"), row("eigen", "-1e20")]
    _, ingest = run(tmp_path, rows, history=lambda *key: [("2019", 1.5e6)])
    report = ingest.report.to_dict()
    for finding in report["errors"] + report["warnings"]:
        for text in (finding["message"], finding["message_en"]):
            assert "None" not in text and not re.search(r"\de[+-]?\d", text), text
