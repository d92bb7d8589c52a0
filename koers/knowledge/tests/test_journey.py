"""A province adds a practice with a document and an area; the theme lead publishes it; it is
found by a word in its document and shows on its goal's page. In Chromium, with axe."""

from __future__ import annotations

import time

import pytest

pytestmark = pytest.mark.browser
PASSWORD = "correct horse battery"


def sign_in(page, base: str, username: str, then: str) -> None:
    page.goto(f"{base}/inloggen?next={then}")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{base}{then}")


def test_a_practice_from_a_province_to_the_goal_page(
    live_server, steward, lead, goal, pdf, polygon_rd, browser, assert_accessible
) -> None:
    base, started, steps = live_server.url, time.monotonic(), 0
    province_side = browser.new_context()
    page = province_side.new_page()
    sign_in(page, base, "steward-gld", "/kennis/praktijk/nieuw")
    assert_accessible(page, "kennis-nieuw")
    page.get_by_label("Thema").select_option("2.2")
    page.get_by_label("Trekkende provincie").select_option("PV25")
    page.get_by_label("Titel").fill("Peilbeheer in de Gelderse Vallei")
    page.get_by_label("Wat is geprobeerd").fill(
        "Boeren en waterschap verhoogden samen het slootpeil."
    )
    page.get_by_label("Waar", exact=True).fill("Gelderse Vallei")
    page.get_by_label(f"{goal.number}", exact=False).first.check()
    page.get_by_label("Contactpersoon: rol").fill("gebiedsregisseur")
    page.get_by_label("Document (PDF, DOCX of ODT)").set_input_files(str(pdf))
    page.get_by_label("Nieuw gebied: naam").fill("Veenweide Krimpenerwaard")
    page.get_by_label("Nieuw gebied: polygoon (GeoJSON)").set_input_files(str(polygon_rd))
    page.get_by_role("button", name="Opslaan als concept").click()
    page.get_by_text("is opgeslagen als concept").wait_for()
    steps += 1
    assert_accessible(page, "kennis-concept")
    assert page.locator("figure.area-map svg").count() == 1
    page.get_by_role("button", name="Ter beoordeling aanbieden").click()
    page.get_by_text("Ter beoordeling aangeboden").wait_for()
    steps += 1
    url = page.url
    province_side.close()

    lead_side = browser.new_context()
    page = lead_side.new_page()
    sign_in(page, base, "lead-landbouw", "/werkruimte/")
    page.goto(url)
    page.get_by_role("button", name="Publiceren").click()
    page.get_by_text("Gepubliceerd.").wait_for()
    steps += 1
    lead_side.close()

    visitor = browser.new_context()
    page = visitor.new_page()
    page.goto(f"{base}/kennis/?q=bodemdaling")
    assert_accessible(page, "kennis-zoeken")
    page.get_by_role("link", name="Peilbeheer in de Gelderse Vallei").first.click()
    steps += 1
    assert_accessible(page, "kennis-praktijk")
    page.goto(f"{base}/doel/{goal.number}")
    section = page.locator("section", has_text="Lessen en praktijken bij dit doel")
    assert section.get_by_role("link", name="Peilbeheer in de Gelderse Vallei").is_visible()
    assert_accessible(page, "kennis-doel")
    visitor.close()
    print(f"\njourney knowledge: {steps} steps, {time.monotonic() - started:.1f} s")
