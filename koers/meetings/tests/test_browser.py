"""Overleg in a real Chromium with axe-core: a BAC meeting prepared, held and decided by its
theme lead, a position adopted that shows on its goal's page, and the follow-up by two
provinces, each only for its own (screenshots in var/screenshots/)."""

from __future__ import annotations

import datetime

import pytest

from koers.meetings.models import OpvolgingStap, StandpuntVersie
from koers.programme.models import Goal

PASSWORD = "correct horse battery"
pytestmark = pytest.mark.browser
YESTERDAY = datetime.date.today() - datetime.timedelta(days=1)


def sign_in(page, base: str, username: str, then: str) -> None:
    page.goto(f"{base}/inloggen?next={then}")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{base}{then}")


def sign_out(page) -> None:
    page.get_by_role("button", name="Uitloggen").click()


def test_a_bac_meeting_is_prepared_held_decided_and_followed_up_by_two_provinces(
    live_server, page, lead, bac, steward_gld, steward_utr, pdf, assert_accessible
):
    base = live_server.url
    goal = Goal.objects.filter(theme=bac.thema).order_by("position").first()

    # The BAC's secretary plans the meeting and prepares the agenda.
    sign_in(page, base, "secretaris", "/overleg/")
    assert_accessible(page, "overleg-overview")
    page.get_by_role("link", name="Vergadering plannen").click()
    page.get_by_label("Gremium").select_option(label=bac.naam)
    page.get_by_label("Datum").fill(YESTERDAY.isoformat())
    page.get_by_label("Locatie").fill("Huis van de Provincie, Den Haag")
    assert_accessible(page, "overleg-plan")
    page.get_by_role("button", name="Plannen").click()
    assert page.locator("h1").inner_text().startswith(bac.naam)

    add_item = page.locator("form[action$='/agendapunten']")
    add_item.get_by_label("Titel").fill("Netcongestie: gezamenlijke inzet")
    add_item.get_by_label("Soort").select_option("besluitvormend")
    add_item.get_by_label("Doelen").select_option(str(goal.pk))
    add_item.get_by_role("button", name="Agendapunt toevoegen").click()
    assert page.get_by_role("heading", name="1. Netcongestie: gezamenlijke inzet").is_visible()

    page.get_by_text("Document toevoegen").click()
    upload = page.locator("form[action$='/documenten']")
    upload.get_by_label("Bestand (PDF, DOCX of ODT)").set_input_files(str(pdf))
    upload.get_by_label("Titel").fill("Voorstel netcongestie")
    upload.get_by_label("Openbaar").check()
    upload.get_by_role("button", name="Document opslaan").click()
    assert page.get_by_role("link", name="Voorstel netcongestie").is_visible()
    assert_accessible(page, "overleg-meeting-prepared")

    # Held and published, then decided.
    status = page.locator("form[action$='/status']")
    status.get_by_label("Status").select_option("gehouden")
    status.get_by_label("Openbaar maken").select_option("ja")
    status.get_by_role("button", name="Vergadering bijwerken").click()
    assert page.locator("#vergadering-status").inner_text() == "gehouden"
    page.get_by_text("Besluit vastleggen").click()
    decide = page.locator("form[action$='/besluit']")
    decide.get_by_label("Resultaat").select_option("aangenomen")
    decide.get_by_label("Besluittekst").fill(
        "De BAC stelt de gezamenlijke inzet op netcongestie vast."
    )
    decide.get_by_role("button", name="Besluit opslaan").click()
    assert "Besluit: aangenomen." in page.locator(".decision").inner_text()
    assert_accessible(page, "overleg-meeting-decided")

    # A joint position adopted by that decision.
    page.goto(f"{base}/overleg/standpunten/nieuw")
    page.get_by_label("Titel").fill("Voorrang voor maatschappelijke aansluitingen")
    page.get_by_label("Tekst").fill(
        "De provincies vragen het Rijk om voorrang bij netaansluitingen."
    )
    page.get_by_label("Arena").select_option("den_haag")
    page.get_by_label("Geadresseerden").fill("Ministerie van KGG")
    page.get_by_label("Status").select_option("vastgesteld")
    page.get_by_label("Vastgesteld bij besluit").select_option(index=1)
    page.get_by_label("Doelen").select_option(str(goal.pk))
    assert_accessible(page, "overleg-position-form")
    page.get_by_role("button", name="Versie opslaan").click()
    assert page.locator("h1").inner_text() == "Voorrang voor maatschappelijke aansluitingen"
    assert_accessible(page, "overleg-position")
    assert StandpuntVersie.objects.get().status == "vastgesteld"
    sign_out(page)

    # Anyone sees the adopted position on its goal's page, and finds the document's text.
    page.goto(f"{base}/doel/{goal.number}")
    assert page.get_by_role(
        "link", name="Voorrang voor maatschappelijke aansluitingen"
    ).is_visible()
    assert_accessible(page, "overleg-goal-page")
    page.goto(f"{base}/overleg/gremia/{bac.code}")
    assert_accessible(page, "overleg-gremium")
    page.goto(f"{base}/overleg/zoeken?q=kringlooplandbouw")
    assert page.get_by_role("link", name="Voorstel netcongestie").is_visible()
    assert_accessible(page, "overleg-search")

    # Two provinces record their follow-up, each only for itself.
    for username, code, evidence in (
        ("gelderland", "PV25", "GS-besluit 2026-0412"),
        ("utrecht", "PV26", "https://www.provincie-utrecht.nl/statenbrief/2026-88"),
    ):
        sign_in(page, base, username, "/overleg/")
        page.locator("table a").first.click()
        forms = page.locator("form[id^='opvolging-']")
        assert forms.count() == 1 and forms.get_attribute("id") == f"opvolging-{code}"
        form = page.locator(f"#opvolging-{code}")
        for step in (1, 2):
            form.locator(f"#id_{code}-datum_{step}").fill(YESTERDAY.isoformat())
            form.locator(f"#id_{code}-bewijs_{step}").fill(evidence)
        assert_accessible(page, f"overleg-follow-up-{code}")
        form.get_by_role("button").click()
        assert "is opgeslagen" in page.locator(".messages").inner_text()
        sign_out(page)

    recorded = sorted(OpvolgingStap.objects.values_list("provincie__code", "stap"))
    assert recorded == [("PV25", 1), ("PV25", 2), ("PV26", 1), ("PV26", 2)]
