"""The yearly review and the progress report in a real Chromium with axe-core: the programme
office opens a round, a theme lead assesses, the round is adopted, the goal page shows the
adjustment and keeps the old version, and the report is made, published and read."""

import pytest

from koers.review.tests.conftest import ORIGINAL

PASSWORD = "correct horse battery"
pytestmark = pytest.mark.browser


def sign_in(page, base: str, username: str, then: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/inloggen?next={then}")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{base}{then}")


def test_from_review_round_to_adjusted_goal_and_published_report(
    live_server, page, office_user, lead, goal, work, assert_accessible
):
    base = live_server.url
    sign_in(page, base, "office", "/toets/")
    assert_accessible(page, "review-rounds")
    page.get_by_label("Begrotingsjaar").fill("2027")
    page.get_by_role("button", name="Ronde openen").click()
    assert page.locator("h1").inner_text() == "Jaarlijkse toets: Begroting 2027"
    assert page.get_by_text("0 van 35 doelen beoordeeld.").is_visible()
    assert_accessible(page, "review-round-open")

    sign_in(page, base, "bac-klimaat", "/toets/2027")
    page.get_by_role("link", name="Beoordelen doel 2.1.1").click()
    assert page.get_by_role("heading", name="Wat Koers al weet").is_visible()
    assert page.get_by_text("Warmtenetten versnellen").is_visible()
    assert_accessible(page, "review-assess")
    page.get_by_label("Beoordeling", exact=True).fill("Netcongestie remt de uitrol.")
    page.get_by_role("radio", name="tekst bijstellen").check()
    page.get_by_label("Reden van het voorstel").fill("Naar 2032 in de tijd.")
    page.get_by_label("Nieuwe tekst (bij tekst bijstellen)").fill(
        "De provincies realiseren samen 35 TWh op land in 2032."
    )
    page.get_by_role("button", name="Beoordeling opslaan").click()
    page.wait_for_url(f"{base}/toets/2027")
    assert page.get_by_text("1 van 35 doelen beoordeeld.").is_visible()
    assert page.get_by_role("button", name="Ronde vaststellen").count() == 0  # not the lead's

    sign_in(page, base, "office", "/toets/2027")
    page.get_by_label("Datum van het besluit").fill("2026-11-12")
    page.get_by_label("Kenmerk van de vastgestelde begroting").fill("Begroting IPO 2027")
    page.get_by_role("button", name="Ronde vaststellen").click()
    assert page.get_by_role("alert").inner_text().startswith("34 doelen hebben nog geen")
    page.get_by_label("Waarom toch vaststellen").fill("Proefronde met thema 2.1.")
    page.get_by_role("button", name="Ronde vaststellen").click()
    page.wait_for_url(f"{base}/toets/2027")
    assert "vastgesteld op 12 november 2026" in page.locator(".review-state").inner_text()
    assert_accessible(page, "review-round-adopted")

    page.context.clear_cookies()
    page.goto(f"{base}/doel/2.1.1")
    adjustment = page.locator(".review-adjustment")
    assert "Bijgesteld bij de begroting 2027 (besluit 12 november 2026)" in adjustment.inner_text()
    assert adjustment.locator("ins").first.inner_text() == "2032."
    history = page.get_by_role("table", name="Alle versies van doel 2.1.1, nieuwste eerst")
    assert ORIGINAL in history.inner_text()  # the old version stays readable
    assert_accessible(page, "goal-adjusted")

    sign_in(page, base, "office", "/rapportages/")
    page.get_by_label("Jaar").fill("2026")
    page.get_by_role("button", name="Rapportage maken").click()
    page.wait_for_url(f"{base}/rapportages/2026/v1")
    page.get_by_role("button", name="Publiceren").click()
    page.wait_for_url(f"{base}/rapportages/2026")
    page.context.clear_cookies()
    page.goto(f"{base}/rapportages/2026")
    assert page.locator("h1").inner_text() == "Voortgangsrapportage 2026"
    assert page.get_by_role("heading", name="2.1 Klimaat en energie").is_visible()
    assert page.get_by_text("Warmtenetten versnellen").is_visible()
    assert_accessible(page, "report-2026")

    page.set_viewport_size({"width": 390, "height": 844})  # a phone: nothing scrolls sideways
    for path in ("/rapportages/2026", "/doel/2.1.1", "/rapportages/"):
        page.goto(f"{base}{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
