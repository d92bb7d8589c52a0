"""`koers werkprogramma export` and `import`: out to Excel, edit, preview, store."""

import json

from click.testing import CliRunner
from openpyxl import load_workbook

from koers.cli import cli
from koers.programme.models import Goal
from koers.workprogramme.models import Activity
from koers.workprogramme.tests.factories import ActivityFactory


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(cli, list(args), input=stdin)


def test_export_edit_and_import_shows_the_change_and_stores_it_after_yes(register, tmp_path):
    ActivityFactory(code="A1", goals=[Goal.objects.get(number="2.1.1")])
    path = tmp_path / "wp.xlsx"
    exported = run(
        "werkprogramma", "export", "--thema", "2.1", "--jaar", "2026", "--out", str(path)
    )
    assert exported.exit_code == 0, exported.output
    assert "1 activities" in exported.output
    book = load_workbook(path)
    book["activiteiten"]["K2"] = "lopend"
    book.save(path)

    refused = run("werkprogramma", "import", str(path), stdin="n\n")
    assert refused.exit_code != 0
    assert "gewijzigd A1" in refused.output and "status: 'gepland' -> 'lopend'" in refused.output
    assert Activity.objects.get().status == "gepland"

    stored = run("werkprogramma", "import", str(path), stdin="y\n")
    assert stored.exit_code == 0, stored.output
    assert Activity.objects.get().status == "lopend"
    again = run("werkprogramma", "import", str(path), "--yes")
    assert "no changes" in again.output


def test_import_of_a_bad_file_lists_the_findings_and_exits_1(register, tmp_path):
    path = tmp_path / "wp.xlsx"
    run("werkprogramma", "export", "--thema", "2.1", "--jaar", "2026", "--out", str(path))
    book = load_workbook(path)
    book["activiteiten"].append(["A1", "Iets", "", "7.7.7", "", "PV25", "", "", "2026-01-01",
                                 "2026-12-31", "", "", 10, "", 1, "", ""])  # fmt: skip
    book.save(path)

    result = run("werkprogramma", "import", str(path), "--format", "json")

    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["stored"] is False
    assert [(f["row"], f["column"], f["rule"], f["value"]) for f in report["findings"]] == [
        (2, "doelen", "werkprogramma_unknown_goal", "7.7.7")
    ]
    assert not Activity.objects.exists()


def test_export_of_an_unknown_theme_fails_with_a_message(register, tmp_path):
    result = run("werkprogramma", "export", "--thema", "9.9", "--jaar", "2026")
    assert result.exit_code == 1 and "thema '9.9' bestaat niet" in result.output
