"""`koers voorbeeld laden` / `verwijderen`: marked example programmes that never touch real ones."""

from click.testing import CliRunner

from koers.cli import cli
from koers.programme.models import Goal
from koers.workprogramme.models import Activity, WorkProgramme
from koers.workprogramme.tests.factories import ActivityFactory, WorkProgrammeFactory


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_examples_load_for_two_themes_marked_and_refresh_without_duplicates(register, client):
    first = run("voorbeeld", "laden", "--jaar", "2027")
    assert first.exit_code == 0, first.output
    assert "work programme 2.1 2027: 3 example activities" in first.output
    assert run("voorbeeld", "laden", "--jaar", "2027").exit_code == 0

    programmes = WorkProgramme.objects.order_by("theme__number")
    assert [(p.theme.number, p.year, p.is_example) for p in programmes] == [
        ("2.1", 2027, True), ("2.3", 2027, True),
    ]  # fmt: skip
    assert Activity.objects.count() == 7 and not Activity.objects.filter(is_example=False).exists()
    shifted = Activity.objects.get(code="A1")
    assert (shifted.start.year, shifted.milestones.count()) == (2027, 2)
    assert "Voorbeeldgegevens" in client.get("/werkprogramma/2.1/2027").content.decode()


def test_a_real_programme_of_the_same_theme_and_year_is_left_alone(register):
    real = WorkProgrammeFactory(year=2027)
    ActivityFactory(work_programme=real, code="A1", title="Echt", goals=[Goal.objects.first()])

    output = run("voorbeeld", "laden", "--jaar", "2027").output
    run("voorbeeld", "verwijderen")

    assert "2.1 2027: a real one exists, left alone" in output
    assert list(Activity.objects.values_list("title", flat=True)) == ["Echt"]
    assert list(WorkProgramme.objects.values_list("theme__number", flat=True)) == ["2.1"]


def test_removing_examples_leaves_nothing_marked(register):
    run("voorbeeld", "laden", "--jaar", "2026")

    result = run("voorbeeld", "verwijderen")

    assert "7 example activities removed" in result.output
    assert not Activity.objects.exists() and not WorkProgramme.objects.exists()


def test_the_review_and_the_report_say_when_they_show_example_activities(register):
    from datetime import date

    from koers.reporting.service import file_of, generate_report

    run("voorbeeld", "laden", "--jaar", "2026")
    report = generate_report(2026, today=date(2026, 12, 1), pdf=False)
    assert "Voorbeeldgegevens" in file_of(report, "html").read_text(encoding="utf-8")
    run("voorbeeld", "verwijderen")
    report = generate_report(2026, today=date(2026, 12, 2), pdf=False)
    assert "Voorbeeldgegevens" not in file_of(report, "html").read_text(encoding="utf-8")
