"""The progress report: computed content, versions kept, and a PDF that is tagged, reads in
order and has ink on every page (pdfinfo, pdftotext, pdftoppm from poppler-utils)."""

import subprocess
from datetime import date

import pytest
from PIL import Image, ImageStat

from koers.reporting.models import Report
from koers.reporting.service import file_of, generate_report, publish_report

TODAY = date(2026, 12, 1)


@pytest.fixture
def report(wind_target, work, adopted):
    return generate_report(2026, today=TODAY)


def test_the_report_tells_status_forecast_charts_activities_and_adjustments(report):
    html = file_of(report, "html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="nl">' in html
    assert "<title>Voortgangsrapportage 2026</title>" in html
    assert html.count("<h1>") == 1
    # goal 2.1.2 has the wind target: its status, forecast, a static SVG chart and a table
    goal = html[html.index('id="doel-212"') : html.index('id="doel-213"')]
    assert "Streefwaarden van doel 2.1.2" in goal and "verwacht in" in goal
    assert goal.count("<svg") >= 1 and 'role="img"' in goal
    assert "nieuwste perioden" in goal
    # the work programme of theme 2.1: done, running and late
    theme = html[html.index('id="thema-21"') : html.index('id="thema-22"')]
    assert "Afgerond (1)" in theme and "Lopend (1)" in theme and "Met vertraging (1)" in theme
    assert "Wacht op de Wet collectieve warmte" in theme
    assert "<caption>Met vertraging: werkzaamheden van thema 2.1</caption>" in theme
    # the adopted adjustment with its diff
    assert "bijgesteld bij de begroting 2027 (besluit 12 november 2026)" in theme
    assert "<del>2030.</del>" in theme and "<ins>2032.</ins>" in theme
    assert "1 afgerond, 1 lopend, 1 met vertraging" in html
    assert "In 2026 is 1 bijstelling van een doel vastgesteld." in html


def test_the_summary_counts_goals_by_status_with_the_change_since_last_year(report, wind_target):
    counts = report.summary
    assert sum(counts.values()) == 35
    assert counts["no_target"] == 34
    assert "Er is geen rapportage van vorig jaar om mee te vergelijken." in file_of(
        report, "html"
    ).read_text(encoding="utf-8")
    Report.objects.filter(pk=report.pk).update(year=2025, version=99)  # last year's report
    this_year = generate_report(2026, today=TODAY)
    html = file_of(this_year, "html").read_text(encoding="utf-8")
    assert "vergeleken met 2025" in html
    summary = html[html.index('id="samenvatting"') : html.index('id="thema-21"')]
    assert '<th scope="row">geen doel vastgesteld</th><td class="num">34</td>' in summary
    assert '<td class="num">34</td><td class="num">0</td>' in summary


def test_each_generation_is_a_new_version_and_old_ones_are_kept(report):
    first = file_of(report, "html").read_bytes()
    second = generate_report(2026, today=date(2026, 12, 2), pdf=False)
    assert (report.version, second.version) == (1, 2)
    assert file_of(report, "html").read_bytes() == first
    assert "gegenereerd op 2 december 2026" in file_of(second, "html").read_text(encoding="utf-8")
    publish_report(report)
    assert Report.objects.get(pk=report.pk).is_published
    assert not Report.objects.get(pk=second.pk).is_published


def test_the_pdf_is_tagged_pdf_ua_and_reads_in_order(report, tmp_path):
    pdf = file_of(report, "pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Tagged:          yes" in info
    assert "Title:           Voortgangsrapportage 2026" in info
    meta = subprocess.run(["pdfinfo", "-meta", str(pdf)], capture_output=True, text=True).stdout
    assert 'pdfuaid:part="1"' in meta  # declares PDF/UA-1
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    order = [
        "Voortgangsrapportage 2026", "Samenvatting", "2.1 Klimaat", "2.1.1", "2.1.2",
        "Werkzaamheden in 2026", "Afgerond (1)", "Lopend (1)", "Met vertraging (1)",
        "Vastgestelde bijstellingen", "2.2 ",
    ]  # fmt: skip
    positions = [text.index(marker) for marker in order]
    assert positions == sorted(positions), dict(zip(order, positions, strict=True))


def test_no_page_of_the_pdf_is_blank(report, tmp_path):
    subprocess.run(
        ["pdftoppm", "-r", "30", "-png", str(file_of(report, "pdf")), str(tmp_path / "page")],
        check=True,
    )
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 9  # the summary and one page per theme at least
    for page in pages:
        grey = Image.open(page).convert("L")
        assert ImageStat.Stat(grey).stddev[0] > 5, f"{page.name} looks blank"
