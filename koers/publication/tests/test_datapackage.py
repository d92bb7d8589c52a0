"""The Frictionless Data Package is valid for the frictionless validator, and says enough."""

import json
import shutil

from frictionless import validate


def errors_of(report) -> list[str]:
    return [f"{e.type}: {e.message}" for task in report.tasks for e in task.errors] + [
        f"{e.type}: {e.message}" for e in report.errors
    ]


def test_frictionless_reports_the_package_valid(exported):
    report = validate(exported.folder / "datapackage.json")
    assert report.valid, errors_of(report)
    assert len(report.tasks) == exported.report.indicators


def test_package_names_licence_sources_units_and_keys(exported):
    package = json.loads((exported.folder / "datapackage.json").read_text())
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert {s["title"] for s in package["sources"]} == {"CBS 70960ned", "CBS 85004NED"}
    resource = next(r for r in package["resources"] if r["name"] == "wind_vermogen")
    assert resource["path"] == "indicatoren/wind_vermogen.csv"
    schema = resource["schema"]
    assert schema["primaryKey"] == ["indicator", "area", "period", "breakdown", "value_kind"]
    value = next(f for f in schema["fields"] if f["name"] == "value")
    assert (value["type"], value["unit"], value["unitMultiplier"]) == ("number", "MW", 0)
    assert "MW" in value["description"]
    source_row = next(f for f in schema["fields"] if f["name"] == "source_row")
    assert source_row["type"] == "integer"


def test_the_validator_would_catch_a_duplicated_observation(exported, tmp_path):
    """The check has teeth: a repeated key breaks the primary key."""
    copy = shutil.copytree(exported.folder, tmp_path / "copy")
    path = copy / "indicatoren" / "wind_vermogen.csv"
    lines = path.read_text().splitlines()
    path.write_text("\n".join([*lines, lines[1]]) + "\n")
    report = validate(copy / "datapackage.json")
    assert not report.valid
    assert "primary-key" in {e.type for task in report.tasks for e in task.errors}
