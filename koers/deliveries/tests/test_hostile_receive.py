"""Hostile files through the real import (accept + process), on SQLite and PostgreSQL:
each ends as a rejected delivery with a small report and exact counts, never a crash, and
a NUL byte never reaches the database."""

import json

import pytest

from koers.deliveries.api.serializers import AanleveringSerializer
from koers.deliveries.ingest.tests.test_limits import one_cell_sheet, workbook
from koers.deliveries.models import Observation
from koers.deliveries.storing import receive
from koers.workspace.findings import report_for

HEADER = "indicator,gebied,periode,uitsplitsing,waardetype,waarde,status\n"


def template_file(tmp_path, rows: str):
    path = tmp_path / "levering.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


@pytest.mark.django_db(transaction=True)
def test_nul_bytes_and_odd_cells_are_findings_and_never_stored(catalogue, tmp_path):
    rows = (
        "ammoniakemissie_mest,PV20,2020,,,5,\n"
        "ammoniakemissie_mest,PV\x0021,2020,,,5,\n"
        "ammoniakemissie_mest,PV22,2020,,,5\x00,\n"
        "ammoniakemissie_mest,PV=23,2020,,,5,\n"
        "ammoniakemissie_mest,PV24;PV25,2020,,,5,\n"
        "ammoniakemissie_mest,PV25,2020,,,5,vrij\x00tekst\n"
    )
    delivery = receive(template_file(tmp_path, rows), province=None, channel="cli")
    assert delivery.status == "rejected"
    # a row with a NUL is left out before its value is parsed: one finding names it
    assert delivery.report["error_counts"] == {"nul_character": 3, "unknown_area": 3}
    stored = json.dumps(delivery.report, ensure_ascii=False)
    assert "\\u0000" not in stored and "PV\u240021" in stored  # NUL shown as ␀, storable
    assert not Observation.objects.filter(delivery=delivery).exists()


@pytest.mark.django_db(transaction=True)
def test_a_report_with_thousands_of_errors_stays_small_and_counts_exactly(catalogue, tmp_path):
    rows = "".join(f"ammoniakemissie_mest,XX{i:04d},2020,,,{'9' * 500},\n" for i in range(2_000))
    delivery = receive(template_file(tmp_path, rows), province=None, channel="cli")
    # every error in one pass: the unknown area and the value too large for a number
    assert delivery.report["error_counts"] == {"unknown_area": 2_000, "wrong_type": 2_000}
    assert len(delivery.report["errors"]) == 200  # the first 100 of each rule in detail
    assert len(json.dumps(delivery.report)) < 120_000
    assert AanleveringSerializer().get_aantalFouten(delivery) == 4_000
    groups = {g.rule: (g.count, len(g.findings)) for g in report_for(delivery)["errors"]}
    assert groups["unknown_area"][0] == 2_000 and groups["wrong_type"][0] == 2_000
    assert {shown for _count, shown in groups.values()} == {100}


@pytest.mark.django_db(transaction=True)
def test_a_workbook_claiming_a_cell_at_xfd1048576_is_a_rejected_delivery(catalogue, tmp_path):
    path = workbook(tmp_path / "xfd.xlsx", one_cell_sheet("XFD1048576", dimension=True))
    delivery = receive(path, province=None, channel="cli", mapping_path=None)
    assert delivery.status == "rejected"
    assert delivery.report["error_counts"] == {"too_many_columns": 1}
