"""The work-programme pages in a real Chromium with axe-core: the example programme with its
timeline, ambitions and means, and a theme lead taking a programme from Excel through the
error report and the preview to the stored programme (screenshots in var/screenshots/)."""

import pytest
from openpyxl import load_workbook

from koers.programme.models import Theme
from koers.workprogramme import importing
from koers.workprogramme.examples import load_examples

PASSWORD = "correct horse battery"
pytestmark = pytest.mark.browser


def test_the_example_programme_timeline_and_overview_are_accessible(
    live_server, register, page, assert_accessible
):
    load_examples(year=2026)

    page.goto(f"{live_server.url}/werkprogramma/2.1/2026")
    assert page.get_by_text("Voorbeeldgegevens").first.is_visible()
    page.wait_for_selector(".chart__canvas--interactive svg")  # the Vega chart took over
    assert page.locator("table.activities tbody tr").count() == 3
    assert_accessible(page, "werkprogramma-2.1-2026")

    page.goto(f"{live_server.url}/werkprogramma/ambities-en-middelen?jaar=2026")
    assert page.get_by_text("ambitie zonder middelen").first.is_visible()
    assert_accessible(page, "werkprogramma-ambities-en-middelen")

    page.goto(f"{live_server.url}/doel/2.1.1")
    assert page.get_by_role("heading", name="Wat wordt er gedaan voor dit doel").is_visible()
    assert_accessible(page, "werkprogramma-doelpagina")

    page.goto(f"{live_server.url}/provincie/PV25")
    assert page.get_by_role("rowheader", name="A1 Gezamenlijke aanpak netcongestie").is_visible()
    assert_accessible(page, "werkprogramma-provinciepagina")

    page.goto(f"{live_server.url}/werkprogramma/")
    assert_accessible(page, "werkprogramma-index")
    page.get_by_role("link", name="2026").first.click()
    page.wait_for_url(f"{live_server.url}/werkprogramma/2.1/2026")


def test_a_theme_lead_imports_a_programme_from_excel_via_the_error_report_and_preview(
    live_server, register, page, make_user, tmp_path, assert_accessible
):
    make_user("theme_lead", themes=[Theme.objects.get(number="2.3")], name="bac-mobiliteit")
    path = tmp_path / "werkprogramma-2.3-2026.xlsx"
    importing.export(path, theme="2.3", year=2026)
    book = load_workbook(path)
    book["activiteiten"].append(["M1", "Fietsstrategie", "", "2.3.2; 2.3.9", "", "Utrecht", "",
                                 "IPO", "2026-01-01", "2025-12-31", "lopend", "", 60000, "",
                                 "0,6", "", ""])  # fmt: skip
    book.save(path)

    page.goto(f"{live_server.url}/inloggen?next=/werkprogramma/inlezen")
    page.get_by_label("Gebruikersnaam").fill("bac-mobiliteit")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{live_server.url}/werkprogramma/inlezen")
    page.get_by_label("Werkprogramma (.xlsx)").set_input_files(str(path))
    page.get_by_role("button", name="Controleren").click()

    assert page.get_by_role("heading", name="2 fouten, er is niets opgeslagen").is_visible()
    assert page.get_by_text("doel '2.3.9' bestaat niet in het programma").is_visible()
    assert_accessible(page, "werkprogramma-inlezen-fouten")

    book = load_workbook(path)
    book["activiteiten"]["D2"], book["activiteiten"]["J2"] = "2.3.2", "2026-09-30"
    book.save(path)
    page.get_by_label("Werkprogramma (.xlsx)").set_input_files(str(path))
    page.get_by_role("button", name="Controleren").click()

    assert page.get_by_text("Er is nog niets opgeslagen").is_visible()
    assert page.get_by_role("rowheader", name="M1 Fietsstrategie").is_visible()
    assert_accessible(page, "werkprogramma-inlezen-voorvertoning")
    page.get_by_role("button", name="Wijzigingen opslaan").click()

    page.wait_for_url(f"{live_server.url}/werkprogramma/2.3/2026")
    assert page.get_by_text("1 nieuw, 0 gewijzigd, 0 verwijderd").is_visible()
    assert page.get_by_role("rowheader", name="M1 Fietsstrategie").is_visible()
    assert_accessible(page, "werkprogramma-2.3-2026-opgeslagen")


def test_the_leading_province_updates_a_status_in_an_accessible_form(
    live_server, register, page, make_user, assert_accessible
):
    load_examples(year=2026)
    make_user("province_steward", province="PV30", name="brabant")  # trekker of M2

    page.goto(f"{live_server.url}/inloggen?next=/werkprogramma/2.3/2026")
    page.get_by_label("Gebruikersnaam").fill("brabant")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{live_server.url}/werkprogramma/2.3/2026")
    assert page.get_by_role("link", name="Status bijwerken").count() == 1  # only M2
    page.get_by_role("link", name="Status bijwerken").click()
    assert_accessible(page, "werkprogramma-status")

    page.get_by_label("Status").select_option("vertraagd")
    page.get_by_role("button", name="Status opslaan").click()
    assert page.get_by_text("Geef een reden").is_visible()  # nothing stored without one
    page.get_by_label("Reden").fill("Rijksmiddelen voor laadpunten komen later")
    page.get_by_role("button", name="Status opslaan").click()

    page.wait_for_url(f"{live_server.url}/werkprogramma/2.3/2026")
    assert page.get_by_text("Rijksmiddelen voor laadpunten komen later").is_visible()
