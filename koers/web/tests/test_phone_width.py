"""On a phone (390 × 844 CSS pixels) no page scrolls sideways, and axe still passes.

Wide tables scroll inside their own focusable region or become stacks; charts and maps
shrink to the screen; the navigation wraps.
"""

from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from koers.analytics.store import aggregates
from koers.workspace.uploads import receive_upload

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
PASSWORD = "correct horse battery"


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        locale="nl-NL", viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def rejected_delivery(published_wind, make_user, shared_data, tmp_path):
    """A steward's Gelderland file with one bad cell: the validation report has a finding."""
    source = shared_data / "cbs" / "70960ned_windenergie_op_land.csv"
    header, *rows = source.read_text(encoding="utf-8").splitlines()
    mine = [row.split(",") for row in rows if row.split(",")[1] == "PV25"]
    mine[3][header.split(",").index("OpgesteldVermogenEindeJaar_9")] = "24x7"
    text = "\n".join([header, *(",".join(cells) for cells in mine)]) + "\n"
    steward = make_user("province_steward", province="PV25", name="steward-gelderland")
    upload = SimpleUploadedFile("70960ned_gelderland_fout.csv", text.encode())
    delivery = receive_upload(upload, province="PV25", user=steward)
    assert delivery.status == "rejected"
    return delivery


def overflow(page) -> dict:
    """How far the page is wider than the screen, and the widest elements that cause it."""
    return page.evaluate(
        """() => {
          const width = document.documentElement.clientWidth;
          const culprits = [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > width + 1
                         && !e.closest('.table-scroll, .visually-hidden'))
            .slice(0, 5)
            .map(e => e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined
                       ? '.' + String(e.className).trim().replace(/\\s+/g, '.') : ''));
          return {scroll: document.documentElement.scrollWidth, culprits};
        }"""
    )


def too_wide(page, pages: list[tuple[str, str]], base: str, assert_accessible) -> dict:
    """Visit each page; the ones wider than the phone, with their culprits (axe on each)."""
    found = {}
    for path, name in pages:
        page.goto(base + path)
        if page.locator("[data-vega-spec]").count():
            page.wait_for_selector(".chart__canvas--interactive svg", timeout=15000)
        measured = overflow(page)
        if measured["scroll"] > PHONE["width"]:
            found[path] = measured
        assert_accessible(page, name)
    return found


def test_no_public_page_scrolls_sideways_on_a_phone(
    live_server, phone, published_wind, wind_target, boundaries, assert_accessible
):
    lineage_id = aggregates("wind_vermogen", area="NL01", period="2020").to_pylist()[0][
        "lineage_id"
    ]
    pages = [
        ("/", "phone-home"),
        ("/doel/2.1.2", "phone-goal"),
        ("/indicatoren", "phone-indicators"),
        ("/indicator/wind_vermogen?provincie=PV24&provincie=PV25", "phone-indicator"),
        ("/provincie/PV25", "phone-province"),
        (f"/herkomst/{quote(lineage_id)}", "phone-lineage"),
        ("/indicator/wind_vermogen/grafiek?provincie=PV25&weergave=index", "phone-chart-embed"),
    ]
    assert too_wide(phone, pages, live_server.url, assert_accessible) == {}


def test_the_workspace_and_its_validation_report_fit_a_phone(
    live_server, phone, rejected_delivery, assert_accessible
):
    phone.goto(f"{live_server.url}/inloggen?next=/werkruimte/")
    phone.get_by_label("Gebruikersnaam").fill("steward-gelderland")
    phone.get_by_label("Wachtwoord").fill(PASSWORD)
    phone.get_by_role("button", name="Inloggen").click()
    phone.wait_for_url(f"{live_server.url}/werkruimte/")
    pages = [
        ("/werkruimte/", "phone-workspace"),
        (f"/werkruimte/aanleveringen/{rejected_delivery.pk}", "phone-validation-report"),
    ]
    assert too_wide(phone, pages, live_server.url, assert_accessible) == {}
