"""Claims and BIJ12's yearly totals reach the indicator engine as ordinary deliveries."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from koers.faunaschade import claims
from koers.faunaschade.delivery import claims_csv, yearly_totals_csv
from koers.faunaschade.tests.test_claims import EXAMPLE, untaxed

pytestmark = pytest.mark.django_db
MAPPINGS = Path(__file__).resolve().parents[2] / "deliveries" / "mappings"


@pytest.fixture
def catalogue(register):
    from koers.indicators.catalogue import load_catalogue

    load_catalogue()


def decided(handler, province: str, paid: str, species: str = "grauwe_gans") -> None:
    data = untaxed(EXAMPLE)
    data["provincie"] = province
    data["schadeposten"] = data["schadeposten"][:1]
    data["schadeposten"][0]["soort"] = species
    claim = claims.submit(data, user=handler, applicant="Boer")
    item = claim.items.get()
    claims.record_taxation(
        claim, {item.pk: Decimal("1000.00")}, taxed_on=date(2025, 3, 1), user=handler
    )
    claims.decide(
        claim, decided_on=date(2025, 3, 10), user=handler, payout=Decimal(paid), reason="t"
    )


def rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_a_small_province_is_delivered_as_confidential_never_as_a_number(
    catalogue, make_user, tmp_path, django_capture_on_commit_callbacks
) -> None:
    handler = make_user("claims_handler", name="behandelaar")
    for province in ("PV21", "PV27"):
        for _ in range(3):
            decided(handler, province, "900.00")
    decided(handler, "PV22", "777.77", species="das")
    table = rows(claims_csv("2024/25"))
    drenthe = [r for r in table if r["gebied"] == "PV22"]
    assert drenthe and all(
        r["status"] == "vertrouwelijk" and r["uitgekeerd"] == "" for r in drenthe
    )
    # Fryslân hidden too: the year's total on the monitor minus the provinces shown would
    # give Drenthe away (the same cells as the monitor hides, test_disclosure.py)
    totals = {r["gebied"]: r for r in table if r["diersoort"] == "_T" and r["gewas"] == "_T"}
    assert totals["PV21"]["status"] == "vertrouwelijk"
    assert totals["PV27"]["uitgekeerd"] == "2700.00" and totals["PV27"]["getaxeerd"] == "3000.00"
    assert "777.77" not in claims_csv("2024/25")

    from koers.deliveries.storing import receive

    path = tmp_path / "faunaschade-2024-25.csv"
    path.write_text(claims_csv("2024/25"), encoding="utf-8")
    analyst = make_user("analyst", name="analist")  # BIJ12's analyst delivers the figures
    delivery = receive(path, mapping_path=MAPPINGS / "koers-faunaschade.yaml", user=analyst)
    assert delivery.status == "validated", json.dumps(delivery.report)[:2000]
    values = {
        (o.area.code, o.breakdown, o.indicator.code): (o.value, o.status)
        for o in delivery.observations.select_related("area", "indicator")
    }
    assert values[("PV27", "_T", "faunaschade_uitgekeerd")] == (2700.0, "normal")
    assert values[("PV27", "Diersoort=gans", "faunaschade_getaxeerd")] == (3000.0, "normal")
    assert values[("PV22", "_T", "faunaschade_uitgekeerd")] == (None, "confidential")


def test_bij12_yearly_totals_load_as_reported_national_figures(
    catalogue, make_user, tmp_path
) -> None:
    from koers.deliveries.storing import receive

    table = rows(yearly_totals_csv())
    assert {r["schadejaar"]: r["status"] for r in table}["2022/23"] == "normaal"  # 2023: exact
    assert {r["schadejaar"]: r["status"] for r in table}["2023/24"] == "geschat"  # 2024: ≈ 74.5 M
    path = tmp_path / "bij12-faunaschade-jaarcijfers.csv"
    path.write_text(yearly_totals_csv(), encoding="utf-8")
    analyst = make_user("analyst", name="analist")
    delivery = receive(
        path, mapping_path=MAPPINGS / "bij12-faunaschade-jaarcijfers.yaml", user=analyst
    )
    assert delivery.status == "validated", json.dumps(delivery.report)[:2000]
    by_period = {o.period: o.value for o in delivery.observations.all()}
    assert by_period["SJ2022/23"] == 55170586.0 and len(by_period) == 8


def test_the_commands_write_the_files_and_say_how_to_import_them(catalogue, tmp_path) -> None:
    from click.testing import CliRunner

    from koers.cli.faunaschade import faunaschade

    out = tmp_path / "bij12-faunaschade-jaarcijfers.csv"
    result = CliRunner().invoke(faunaschade, ["jaarcijfers", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (
        "bij12-faunaschade-jaarcijfers.yaml" in result.output and out.read_text().count("\n") == 9
    )
    bad = CliRunner().invoke(faunaschade, ["aanleveren", "--schadejaar", "2024", "--out", str(out)])
    assert bad.exit_code == 1 and "2024/25" in bad.output
