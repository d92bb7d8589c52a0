"""The workspace in a real Chromium: a steward's delivery from error to approval, the office
publishing, and axe-core on every workspace page (screenshots in var/screenshots/)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from koers.analytics.store import aggregates
from koers.deliveries.models import Delivery
from koers.deliveries.workflow import transition
from koers.workspace.uploads import receive_upload

PASSWORD = "correct horse battery"
pytestmark = pytest.mark.browser


def sign_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/inloggen?next=/werkruimte/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{base}/werkruimte/")


def drop_file(page, path) -> None:
    """What a person dragging a file from their desktop onto the drop zone does."""
    transfer = page.evaluate_handle(
        "([name, text]) => { const t = new DataTransfer();"
        " t.items.add(new File([text], name, {type: 'text/csv'})); return t; }",
        [path.name, path.read_text(encoding="utf-8")],
    )
    page.dispatch_event("[data-dropzone]", "drop", {"dataTransfer": transfer})


def test_a_steward_fixes_a_rejected_cbs_file_and_a_colleague_approves_it(
    live_server, page, steward, make_user, gelderland, assert_accessible
):
    bad, row = gelderland(bad="24x7")
    good, _ = gelderland()
    sign_in(page, live_server.url, "steward-gelderland")
    assert page.locator("h1").inner_text() == "Werkruimte"
    assert_accessible(page, "workspace-home-steward")

    page.get_by_role("link", name="Naar aanleveren").click()
    assert_accessible(page, "workspace-deliver")
    drop_file(page, bad)
    assert (
        "Gekozen bestand: 70960ned_gelderland_fout.csv"
        in page.locator("[data-drop-chosen]").inner_text()
    )
    page.get_by_role("button", name="Uploaden en controleren").click()

    assert page.locator(".ws-status-line .status").inner_text() == "afgewezen"
    assert page.get_by_role("heading", name="Geen getal").is_visible()
    finding = page.locator(".ws-finding").first
    assert (
        f"Rij {row}, kolom OpgesteldVermogenEindeJaar_9: 24x7" in finding.locator("h4").inner_text()
    )
    assert finding.locator(".ws-bad-cell mark").inner_text() == "24x7"
    assert_accessible(page, "workspace-delivery-rejected")

    page.get_by_label("Bestand", exact=True).set_input_files(good)  # the plain file picker
    page.get_by_role("button", name="Uploaden en controleren").click()
    assert page.locator(".ws-status-line .status").inner_text() == "gevalideerd"
    assert page.get_by_text("Geen fouten gevonden.").is_visible()
    page.get_by_role("button", name="Indienen").click()
    assert page.locator(".ws-status-line .status").inner_text() == "ingediend"
    # Four eyes: the uploader cannot approve; a colleague of the same province does.
    assert page.get_by_role("button", name="Goedkeuren").count() == 0
    assert page.get_by_text("Vier ogen: u heeft deze aanlevering zelf geüpload").is_visible()
    delivery_url = page.url
    page.context.clear_cookies()
    make_user("province_steward", province="PV25", name="collega-gelderland")
    sign_in(page, live_server.url, "collega-gelderland")
    page.goto(delivery_url)
    page.get_by_role("button", name="Goedkeuren").click()
    assert page.locator(".ws-status-line .status").inner_text() == "goedgekeurd"
    assert page.get_by_role("button", name="Publiceren").count() == 0
    assert_accessible(page, "workspace-delivery-approved")
    assert [d.status for d in Delivery.objects.order_by("pk")] == ["rejected", "approved"]


def test_uploading_works_without_javascript(live_server, browser, steward, gelderland):
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    sign_in(page, live_server.url, "steward-gelderland")
    page.goto(live_server.url + reverse("workspace:deliver"))
    assert page.locator("[data-drop-hint]").is_hidden()  # no promise of drag and drop
    page.get_by_label("Bestand", exact=True).set_input_files(gelderland()[0])
    page.get_by_role("button", name="Uploaden en controleren").click()
    assert page.locator(".ws-status-line .status").inner_text() == "gevalideerd"
    context.close()


def test_the_office_publishes_and_the_new_numbers_are_public(
    live_server, page, steward, make_user, gelderland, assert_accessible
):
    path, _ = gelderland()
    upload = SimpleUploadedFile(path.name, path.read_bytes())
    delivery = receive_upload(upload, province="PV25", user=steward)
    transition(delivery, "submitted", user=steward)
    transition(delivery, "approved", user=make_user("analyst", name="analyst"))  # four eyes
    lines = path.read_text().splitlines()
    column = lines[0].split(",").index("OpgesteldVermogenEindeJaar_9")
    cells = [line.split(",") for line in lines[1:]]
    cbs = {cell[2][:4]: float(cell[column]) for cell in cells if cell[column]}
    assert len(cbs) > 15  # Gelderland's figures from 2003 on
    latest = f"{cbs[max(cbs)]:g}"
    public = live_server.url + reverse("data:indicator", args=["wind_vermogen"])

    def public_gelderland_rows() -> list[str]:
        page.goto(public)
        rows = page.locator("tr").filter(has_text="Gelderland")  # tables may sit in <details>
        return [" ".join(row.text_content().split()) for row in rows.all()]

    assert not any(latest in row for row in public_gelderland_rows())
    make_user("programme_office", name="office")
    sign_in(page, live_server.url, "office")
    assert_accessible(page, "workspace-home-office")

    page.get_by_role("link", name="Publiceren", exact=True).first.click()
    assert_accessible(page, "workspace-publish")
    page.get_by_role("link", name=f"Publiceer #{delivery.pk}").click()
    assert page.get_by_role("heading", name="Wat er verandert op de openbare site").is_visible()
    assert_accessible(page, "workspace-publish-confirm")
    page.get_by_role("button", name="Ja, publiceren").click()
    assert page.get_by_text("Er wacht niets op publicatie.").is_visible()
    delivery.refresh_from_db()
    assert delivery.status == "published"
    figures = aggregates("wind_vermogen", area="PV25").to_pylist()
    assert {r["period"]: r["value"] for r in figures if r["period"] in cbs} == cbs
    after = public_gelderland_rows()
    assert any(latest in row for row in after), after  # the public page follows

    pages = ("completeness", "analytics", "goals", "targets", "target-create", "audit-log")
    for name in (*pages, "accounts"):
        page.goto(live_server.url + reverse(f"workspace:{name}"))
        assert page.locator("h1").count() == 1, name
        assert_accessible(page, f"workspace-{name}")
    page.get_by_role("link", name="office", exact=True).click()  # one account's page
    assert_accessible(page, "workspace-account")


def test_the_reconciliation_table_is_accessible(
    live_server, page, make_user, catalogue, shared_data, tmp_path, assert_accessible
):
    from koers.analytics.store import refresh_indicators
    from koers.deliveries.storing import receive
    from koers.workspace.uploads import MAPPINGS_DIR

    lines = (shared_data / "cbs" / "70960ned_windenergie_op_land.csv").read_text().splitlines()
    column = lines[0].split(",").index("OpgesteldVermogenEindeJaar_9")
    for number, line in enumerate(lines):
        cells = line.split(",")
        if cells[1] == "NL01" and cells[2] in ("2019JJ00", "2020JJ00"):
            cells[column] = str(float(cells[column]) * 1.1)  # CBS's total, off by ten percent
            lines[number] = ",".join(cells)
    path = tmp_path / "70960ned_met_afwijking.csv"
    path.write_text("\n".join(lines) + "\n")
    analyst = make_user("analyst", name="analyst")
    colleague = make_user("analyst", name="analyst-2")  # four eyes
    delivery = receive(path, mapping_path=MAPPINGS_DIR / "cbs-70960ned.yaml", user=analyst)
    transition(delivery, "submitted", user=analyst)
    for step in ("approved", "published"):
        transition(delivery, step, user=colleague)
    refresh_indicators()  # publication already refreshed, on commit: this is the button's work
    sign_in(page, live_server.url, "analyst")
    page.get_by_role("link", name="Analyse", exact=True).click()
    rows = page.locator("#verschillen-caption + thead + tbody tr")
    ours = rows.filter(has_text="wind_vermogen").filter(has_text="NL01")
    periods = [row.locator("td").nth(2).inner_text().split()[-1] for row in ours.all()]
    assert sorted(periods) == ["2019", "2020"]
    assert_accessible(page, "workspace-analytics-differences")
