"""A claims handler takes a claim from application to payment in a real browser, with axe."""

from __future__ import annotations

import time

import pytest

from koers.faunaschade.models import Claim

pytestmark = pytest.mark.browser
PASSWORD = "correct horse battery"


def test_a_claim_goes_from_application_to_payment(
    live_server, register, make_user, page, assert_accessible
):
    make_user("claims_handler", name="behandelaar")
    base, started, steps = live_server.url, time.monotonic(), 0
    page.goto(f"{base}/inloggen?next=/faunaschade/behandeling/")
    page.get_by_label("Gebruikersnaam").fill("behandelaar")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{base}/faunaschade/behandeling/")
    assert_accessible(page, "faunaschade-claims-empty")
    steps += 1

    page.get_by_role("link", name="Nieuwe aanvraag").click()
    assert_accessible(page, "faunaschade-claim-new")
    page.get_by_label("Provincie").select_option("PV22")
    page.get_by_label("Aanvrager").fill("Maatschap De Vries")
    page.get_by_label("KvK-nummer").fill("12345678")
    page.get_by_label("IBAN").fill("NL91 ABNA 0417 1643 00")
    page.get_by_label("Aanvraagdatum").fill("2025-02-12")
    page.get_by_label("Schade geconstateerd op").fill("2025-02-06")
    page.get_by_label("Leges betaald (€)").fill("300")
    first = page.locator("fieldset", has_text="Schadepost 1")
    first.get_by_label("Perceel").fill("Perceel 12")
    first.get_by_label("Gewas (code)").fill("blijvend_grasland")
    first.get_by_label("Gewascategorie").select_option("overig")
    first.get_by_label("Diersoort").select_option("grauwe_gans")
    first.get_by_label("Schadedatum").fill("2025-02-03")
    first.get_by_label("akoestisch middel").check()
    first.get_by_label("visueel middel").check()
    page.get_by_role("button", name="Aanvraag indienen").click()
    page.get_by_text("is ingediend").wait_for()
    steps += 1
    claim = Claim.objects.get()
    assert claim.applicant == "Maatschap De Vries" and claim.iban == "NL91ABNA0417164300"

    assert_accessible(page, "faunaschade-claim-submitted")
    page.get_by_label("Datum taxatierapport").fill("2025-03-01")
    page.get_by_label("Getaxeerd (€): Perceel 12, blijvend_grasland, grauwe_gans").fill("3200")
    page.get_by_role("button", name="Taxatie vastleggen").click()
    page.get_by_text("De taxatie is vastgelegd").wait_for()
    steps += 1

    # Drenthe's exclusions and prevention are not known: the page says why a person decides
    assert_accessible(page, "faunaschade-claim-taxed")
    assert page.get_by_text("Een behandelaar beslist zelf").is_visible()
    assert page.get_by_role("table", name="De berekening, stap voor stap").is_visible()
    page.get_by_label("Besluitdatum").fill("2025-03-10")
    page.get_by_label("Eigen bedrag (€), alleen als u afwijkt van de berekening").fill("2950")
    page.get_by_label("Reden van de afwijking").fill("Preventie gecontroleerd; geen uitsluiting.")
    page.get_by_role("button", name="Besluit vastleggen").click()
    page.get_by_text("Het besluit is vastgelegd").wait_for()
    steps += 1

    assert_accessible(page, "faunaschade-claim-decided")
    page.locator("#id_betaling-on").fill("2025-03-20")
    page.get_by_role("button", name="Betaling vastleggen").click()
    page.get_by_text("De stap is vastgelegd").wait_for()
    steps += 1
    claim.refresh_from_db()
    assert claim.state == "betaald" and str(claim.payout) == "2950.00"

    page.goto(f"{base}/faunaschade/")
    assert_accessible(page, "faunaschade-monitor")
    print(f"\njourney claims handler: {steps} steps, {time.monotonic() - started:.1f} s")
