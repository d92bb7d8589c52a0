"""Templates a steward fills in, and what is still expected from each province."""

import csv
from datetime import date

import pytest
from openpyxl import load_workbook

from koers.deliveries.completeness import completeness_rows
from koers.deliveries.models import Observation
from koers.deliveries.storing import receive
from koers.deliveries.templates import LAYOUT, TemplateError, write_template
from koers.deliveries.workflow import transition
from koers.indicators.models import Indicator

PROVINCE_CODE = "bedrijventerrein_uitgifte"  # the provinces are its source (catalogue)


@pytest.fixture
def solar_parks(catalogue):
    """An indicator the provinces deliver themselves, with a breakdown and a range."""
    return Indicator.objects.create(
        code="zonneparken_vermogen",
        name="Vermogen zonneparken",
        unit="MW",
        decimals=1,
        min_value=0,
        max_value=5000,
        source_producer="Provincies",
        breakdowns={
            "Ligging": {
                "codes": [
                    {"code": "_T", "name": {"nl": "Totaal", "en": "Total"}},
                    {"code": "veld", "name": {"nl": "Op land", "en": "On land"}},
                    {"code": "water", "name": {"nl": "Op water", "en": "On water"}},
                ]
            }
        },
    )


def fill(target, file_format, value) -> None:
    """Type a value in every `waarde` cell, as a person does in Excel or a text editor."""
    column = LAYOUT.index("waarde")
    if file_format == "xlsx":
        book = load_workbook(target)
        for row in book["aanlevering"].iter_rows(min_row=2):
            row[column].value = value(row[LAYOUT.index("uitsplitsing")].value)
        book.save(target)
        return
    with open(target, encoding="utf-8") as handle:
        table = list(csv.reader(handle))
    for row in table[1:]:
        row[column] = str(value(row[LAYOUT.index("uitsplitsing")]))
    with open(target, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(table)


@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_a_filled_template_uploads_without_a_mapping(make_user, tmp_path, file_format, solar_parks):
    steward = make_user("province_steward", province="PV25")
    target = tmp_path / f"gelderland.{file_format}"
    codes = [PROVINCE_CODE, solar_parks.code]
    rows = write_template(
        target, province="PV25", indicators=codes, period="2024", file_format=file_format
    )
    assert rows == 1 + 3  # one total, and the total plus two parts
    fill(target, file_format, lambda part: 100 if part == "_T" else 40)
    delivery = receive(target, province="PV25", user=steward, channel="ui")
    assert delivery.status == "validated", delivery.report["errors"][:3]
    assert Observation.objects.filter(delivery=delivery).count() == rows
    assert set(Observation.objects.values_list("area__code", flat=True)) == {"PV25"}


def test_the_template_says_name_unit_previous_value_and_allowed_range(
    make_user, tmp_path, solar_parks
):
    steward, colleague = (
        make_user("province_steward", province="PV25", name=name) for name in ("s", "c")
    )
    last_year = tmp_path / "2023.csv"
    write_template(
        last_year, province="PV25", indicators=[solar_parks.code], period="2023", file_format="csv"
    )
    fill(last_year, "csv", lambda part: {"_T": 812.5, "Ligging=veld": 700}.get(part, 112.5))
    delivery = receive(last_year, province="PV25", user=steward, channel="ui")
    for step, user in (("submitted", steward), ("approved", colleague)):
        transition(delivery, step, user=user)
    transition(delivery, "published", user=make_user("analyst", name="a"))

    target = tmp_path / "2024.xlsx"
    write_template(
        target, province="PV25", indicators=[solar_parks.code], period="2024", file_format="xlsx"
    )
    sheet = load_workbook(target)["aanlevering"]
    header = [c.value for c in sheet[1]]
    assert header == list(LAYOUT)
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(2)]
    total, land, water = rows
    assert total["naam"] == "Vermogen zonneparken" and total["eenheid"] == "MW"
    assert land["naam"] == "Vermogen zonneparken · Ligging: Op land"
    assert (total["vorige periode"], total["vorige waarde"]) == ("2023", 812.5)
    assert (land["vorige waarde"], water["vorige waarde"]) == (700, 112.5)
    assert total["toegestaan"] == "tussen 0 en 5000"
    assert total["waarde"] is None  # to fill in
    numbers = [v for v in sheet.data_validations.dataValidation if v.type == "decimal"]
    assert len(numbers) == 1
    rule = numbers[0]
    assert (rule.operator, rule.formula1, rule.formula2) == ("between", "0", "5000")
    assert str(rule.sqref) == "K2:K4"  # every `waarde` cell, nothing else
    assert rule.showErrorMessage and "tussen 0 en 5000 (MW)" in rule.error


def test_a_count_without_a_maximum_is_at_least_zero_in_the_template(tmp_path, catalogue):
    target = tmp_path / "x.xlsx"
    write_template(
        target, province="PV26", indicators=[PROVINCE_CODE], period="2024", file_format="xlsx"
    )
    sheet = load_workbook(target)["aanlevering"]
    assert sheet.cell(2, LAYOUT.index("toegestaan") + 1).value == "minstens 0"
    (rule,) = [v for v in sheet.data_validations.dataValidation if v.type == "decimal"]
    assert (rule.operator, rule.formula1) == ("greaterThanOrEqual", "0")


def test_template_for_an_unknown_indicator_is_refused(catalogue, tmp_path):
    with pytest.raises(TemplateError, match="onbekend_ding"):
        write_template(
            tmp_path / "x.csv",
            province="PV25",
            indicators=["onbekend_ding"],
            period="2024",
            file_format="csv",
        )


@pytest.mark.parametrize("code", ["wind_vermogen", "ca_ghg_emissies"])
def test_no_template_for_what_cbs_or_a_peer_delivers(catalogue, tmp_path, code):
    with pytest.raises(TemplateError, match=f"does not deliver these itself.*{code}"):
        write_template(
            tmp_path / "x.csv", province="PV25", indicators=[code], period="2024", file_format="csv"
        )


def test_completeness_shows_approved_received_late_and_expected(catalogue, make_user, tmp_path):
    for province in ("PV25", "PV26"):
        path = tmp_path / f"{province}.csv"
        write_template(
            path, province=province, indicators=[PROVINCE_CODE], period="2023", file_format="csv"
        )
        fill(path, "csv", lambda part: 12.5)
        steward = make_user("province_steward", province=province, name=f"s-{province}")
        delivery = receive(path, province=province, user=steward)
        if province == "PV25":
            transition(delivery, "submitted", user=steward)
            transition(delivery, "approved", user=make_user("analyst", name="analyst"))
    rows = completeness_rows(indicator=PROVINCE_CODE, today=date(2025, 2, 1))
    state = {(r["province"], r["period"]): r["state"] for r in rows}
    assert {p for _, p in state} == {"2023", "2024"}  # programme start until the last ended year
    assert state[("PV25", "2023")] == "approved"
    assert state[("PV26", "2023")] == "received"
    assert state[("PV20", "2023")] == "late"  # 2023 ended more than the lag ago
    assert state[("PV20", "2024")] == "expected"  # 2024 ended, not yet due
    assert len(rows) == 2 * 12


def test_a_province_is_never_late_for_what_cbs_delivers(catalogue):
    rows = completeness_rows(today=date(2026, 6, 1))
    assert {r["indicator"] for r in rows} == {PROVINCE_CODE}  # the one the provinces deliver
    assert completeness_rows(indicator="wind_vermogen", today=date(2026, 6, 1)) == []
