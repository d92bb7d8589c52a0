"""`koers faunaschade beslis` and `koers faunaschade regimes`, as a claims handler runs them."""

from __future__ import annotations

import json

from click.testing import CliRunner

from koers.cli.faunaschade import faunaschade
from koers.faunaschade.rules.shipped import REGIMES_DIR

EXAMPLE = REGIMES_DIR.parent / "examples" / "aanvraag-drenthe.json"


def run(*args: str):
    return CliRunner().invoke(faunaschade, list(args))


def test_the_documented_example_is_decided_step_by_step() -> None:
    result = run("beslis", str(EXAMPLE))
    assert result.exit_code == 0, result.output
    decision = json.loads(result.output)
    assert decision["regime"] == "DR-2024"
    assert decision["tegemoetkoming"] == "3800.00"  # 4,050 - minimum own risk 250 (das: none)
    assert decision["leges_terug"] == "300.00"
    assert decision["uitkomst"] == "handmatig"  # exclusions and prevention of Drenthe unknown
    assert [s["stap"] for s in decision["stappen"]] == list(range(1, len(decision["stappen"]) + 1))
    assert all(s["bron"] for s in decision["stappen"])


def test_a_bad_claim_is_one_line_naming_the_file_and_field(tmp_path) -> None:
    bad = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    bad["aanvrager"]["iban"] = "NL00ABNA0000000000"
    path = tmp_path / "aanvraag.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    result = run("beslis", str(path))
    assert result.exit_code == 1
    assert "aanvraag.json: aanvrager.iban" in result.output
    assert "Traceback" not in result.output
    path.write_text("{", encoding="utf-8")
    assert "geen geldige JSON" in run("beslis", str(path)).output


def test_a_claim_without_a_regime_says_so_and_suggests_one(tmp_path) -> None:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["aanvraagdatum"] = data["schade_geconstateerd"] = "2019-05-01"
    data["schadeposten"][0]["schadedatum"] = data["schadeposten"][1]["schadedatum"] = "2019-04-30"
    path = tmp_path / "oud.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = run("beslis", str(path))
    assert result.exit_code == 1 and "--regime" in result.output


def test_the_comparison_lists_all_twelve_provinces() -> None:
    result = run("regimes", "--datum", "2025-01-01", "--json")
    assert result.exit_code == 0, result.output
    table = json.loads(result.output)
    fee = next(p for p in table["parameters"] if p["parameter"] == "fee")
    assert len(fee["provincies"]) == 12
    assert fee["provincies"]["PV25"] == {
        "waarde": "onbekend",
        "bron": fee["provincies"]["PV25"]["bron"],
        "tag": "NF",
    }
    text = run("regimes", "--datum", "2025-01-01").output
    assert "Leges" in text and "PV31" in text
