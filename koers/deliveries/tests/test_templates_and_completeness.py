"""Templates a steward fills in, and what is still expected from each province."""

import csv
from datetime import date

import pytest
from openpyxl import load_workbook

from koers.deliveries.completeness import completeness_rows
from koers.deliveries.models import Observation
from koers.deliveries.storing import receive
from koers.deliveries.templates import TemplateError, write_template
from koers.deliveries.workflow import transition

CODES = ["wind_vermogen", "hernieuwbaar_elektrisch_vermogen"]


@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_a_filled_template_uploads_without_a_mapping(catalogue, make_user, tmp_path, file_format):
    steward = make_user("province_steward", province="PV25")
    target = tmp_path / f"gelderland.{file_format}"
    rows = write_template(
        target, province="PV25", indicators=CODES, period="2024", file_format=file_format
    )
    assert rows > len(CODES)  # totals plus a row per breakdown code
    if file_format == "xlsx":
        book = load_workbook(target)
        sheet = book["aanlevering"]
        for row in sheet.iter_rows(min_row=2):
            row[5].value = 100 if row[3].value == "_T" else 0
        book.save(target)
    else:
        with open(target, encoding="utf-8") as handle:
            table = list(csv.reader(handle))
        for row in table[1:]:
            row[5] = "100" if row[3] == "_T" else "0"
        with open(target, "w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(table)
    delivery = receive(target, province="PV25", user=steward, channel="ui")
    assert delivery.status == "validated", delivery.report["errors"][:3]
    assert Observation.objects.filter(delivery=delivery).count() == rows
    assert set(Observation.objects.values_list("area__code", flat=True)) == {"PV25"}


def test_template_for_an_unknown_indicator_is_refused(catalogue, tmp_path):
    with pytest.raises(TemplateError, match="onbekend_ding"):
        write_template(
            tmp_path / "x.csv",
            province="PV25",
            indicators=["onbekend_ding"],
            period="2024",
            file_format="csv",
        )


def test_completeness_shows_approved_received_late_and_expected(
    catalogue, make_user, shared_data, mapping, tmp_path
):
    source = shared_data / "cbs" / "70960ned_windenergie_op_land.csv"
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    for province in ("PV25", "PV26"):
        part = tmp_path / f"{province}.csv"
        part.write_text(lines[0] + "".join(x for x in lines[1:] if f",{province}," in x))
        steward = make_user("province_steward", province=province, name=f"s-{province}")
        delivery = receive(part, mapping_path=mapping("70960"), province=province, user=steward)
        if province == "PV25":
            transition(delivery, "submitted", user=steward)
            transition(delivery, "approved", user=make_user("analyst", name="analyst"))
    rows = completeness_rows(indicator="wind_vermogen", today=date(2025, 2, 1))
    state = {(r["province"], r["period"]): r["state"] for r in rows}
    assert {p for _, p in state} == {"2023", "2024"}  # programme start until the last ended year
    assert state[("PV25", "2023")] == "approved"
    assert state[("PV26", "2023")] == "received"
    assert state[("PV20", "2023")] == "late"  # 2023 ended more than the lag ago
    assert state[("PV20", "2024")] == "expected"  # 2024 ended, not yet due
    assert len(rows) == 2 * 12
