"""Excel in and out: the template Koers writes reads back unchanged; a bad workbook gets one
finding per problem (sheet, row, column, rule, value); a re-import shows what changes first."""

import datetime
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from openpyxl import load_workbook
from structlog.testing import capture_logs

from koers.programme.models import Goal
from koers.workprogramme import importing
from koers.workprogramme.models import Activity
from koers.workprogramme.tests.factories import (
    ActivityFactory,
    ContributionFactory,
    MilestoneFactory,
)


@pytest.fixture
def stored(register):
    """Work programme 2.1 / 2026 with two activities, one with a milestone and contribution."""
    goal = Goal.objects.get(number="2.1.1")
    first = ActivityFactory(code="A1", title="Warmtenetten", goals=[goal])
    MilestoneFactory(activity=first, title="Plan klaar", date=datetime.date(2026, 3, 31))
    ContributionFactory(activity=first, amount=Decimal("25000.50"))
    ActivityFactory(code="A2", title="Netcongestie", goals=[goal], fte=Decimal("0.25"))
    return first


def exported(tmp_path, name="wp.xlsx"):
    path = tmp_path / name
    importing.export(path, theme="2.1", year=2026)
    return path


def edit(path, sheet, cells: dict):
    book = load_workbook(path)
    for ref, value in cells.items():
        book[sheet][ref] = value
    book.save(path)


def test_an_exported_work_programme_reads_back_without_changes(stored, tmp_path):
    parsed = importing.read(exported(tmp_path))

    assert parsed.ok, [e.message_nl for e in parsed.findings]
    assert parsed.theme == "2.1" and parsed.year == 2026
    first = parsed.activities[0]
    assert first.contributions[0].amount == Decimal("25000.50")
    assert first.milestones[0].title == "Plan klaar"
    assert parsed.activities[1].fte == Decimal("0.25")
    plan = importing.plan(parsed)
    assert not plan.has_changes and plan.unchanged == 2


def test_the_template_of_an_empty_programme_has_the_sheets_and_columns(register, tmp_path):
    path = tmp_path / "sjabloon.xlsx"
    assert importing.export(path, theme="2.4", year=2027) == 0
    book = load_workbook(path)
    assert book.sheetnames == [
        "werkprogramma",
        "activiteiten",
        "mijlpalen",
        "bijdragen",
        "toelichting",
    ]
    assert book["werkprogramma"]["B1"].value == "2.4"
    assert book["activiteiten"]["A1"].value == "code"


def test_each_problem_is_named_by_sheet_row_column_rule_and_value(stored, tmp_path):
    path = exported(tmp_path)
    edit(path, "activiteiten", {"D2": "2.1.1; 9.9.9", "F2": "Atlantis", "J2": "2025-01-01"})
    edit(path, "activiteiten", {"M3": -500, "K3": "vertraagd"})
    edit(path, "bijdragen", {"A2": "A7"})

    parsed = importing.read(path)

    found = {(e.code, e.params["sheet"], e.row, e.column, e.value) for e in parsed.errors}
    assert found == {
        ("werkprogramma_unknown_goal", "activiteiten", 2, "doelen", "9.9.9"),
        ("werkprogramma_unknown_province", "activiteiten", 2, "trekker", "Atlantis"),
        ("werkprogramma_end_before_start", "activiteiten", 2, "einde", "2025-01-01"),
        ("werkprogramma_negative_amount", "activiteiten", 3, "ipo_budget_euro", "-500"),
        ("werkprogramma_reason_required", "activiteiten", 3, "reden", "vertraagd"),
        ("werkprogramma_unknown_activity", "bijdragen", 2, "activiteit", "A7"),
    }
    messages = {e.code: e.message_nl for e in parsed.errors}
    assert messages["werkprogramma_unknown_goal"] == (
        "Blad 'activiteiten', rij 2, kolom 'doelen': doel '9.9.9' bestaat niet in het programma."
    )
    assert (
        "het einde 2025-01-01 ligt voor de start 2026-01-01"
        in messages["werkprogramma_end_before_start"]
    )
    with pytest.raises(importing.WorkbookRejected):
        importing.plan(parsed)


def test_a_reimport_shows_what_changes_and_stores_nothing_until_confirmed(stored, tmp_path):
    path = exported(tmp_path)
    book = load_workbook(path)
    sheet = book["activiteiten"]
    sheet["M2"] = 120000
    sheet.delete_rows(3)  # A2 goes
    sheet.append(["A3", "Waterstof", "", "2.1.2", "", "PV26", "PV25; PV27", "BIJ12", "2026-04-01",
                  "2027-03-31", "lopend", "", "1234,56", "", 2, "", ""])  # fmt: skip
    book.save(path)

    plan = importing.plan(importing.read(path))

    changes = {(c.kind, c.code): c for c in plan.changes}
    assert set(changes) == {("gewijzigd", "A1"), ("verwijderd", "A2"), ("nieuw", "A3")}
    assert [(f.column, f.old, f.new) for f in changes["gewijzigd", "A1"].fields] == [
        ("ipo_budget_euro", "100000", "120000")
    ]
    assert plan.counts() == {"nieuw": 1, "gewijzigd": 1, "verwijderd": 1}
    assert Activity.objects.get(code="A1").ipo_budget == Decimal("100000")  # not yet stored

    with capture_logs() as logs:
        importing.store(importing.read(path), expected=plan.fingerprint)

    assert [(e["event"], e["theme"], e["nieuw"], e["verwijderd"]) for e in logs] == [
        ("werkprogramma_stored", "2.1", 1, 1)
    ]
    assert sorted(Activity.objects.values_list("code", flat=True)) == ["A1", "A3"]
    added = Activity.objects.get(code="A3")
    assert added.ipo_budget == Decimal("1234.56") and added.lead_province.code == "PV26"
    assert sorted(p.code for p in added.participating_provinces.all()) == ["PV25", "PV27"]
    assert Activity.objects.get(code="A1").milestones.count() == 1  # unchanged, kept
    assert LogEntry.objects.get_for_model(Activity).filter(object_repr__startswith="A2").exists()
    assert not importing.plan(importing.read(path)).has_changes


def test_a_confirmation_of_an_outdated_preview_is_refused(stored, tmp_path):
    path = exported(tmp_path)
    edit(path, "activiteiten", {"B2": "Warmtenetten en warmtebronnen"})
    preview = importing.plan(importing.read(path))
    Activity.objects.filter(code="A2").update(title="Intussen gewijzigd")

    with pytest.raises(importing.StalePreview):
        importing.store(importing.read(path), expected=preview.fingerprint)
    assert Activity.objects.get(code="A1").title == "Warmtenetten"


def test_a_file_that_is_not_a_workbook_gets_a_finding_not_a_crash(register, tmp_path):
    path = tmp_path / "wp.xlsx"
    path.write_text("code;titel\nA1;iets\n")

    parsed = importing.read(path)

    assert [e.code for e in parsed.errors] == ["unreadable_file"]
    assert parsed.errors[0].file == "wp.xlsx"
