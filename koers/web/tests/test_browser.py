"""The public pages in a real Chromium: accessibility, a visitor's journey, keyboard maps."""

import csv
import re
from urllib.parse import quote

import pytest

from koers.analytics.store import aggregates
from koers.web.tests.page_tables import dutch_number

pytestmark = pytest.mark.browser


@pytest.fixture
def site(live_server, published_wind, published_renewable, wind_target, boundaries):
    return live_server.url


def test_public_data_pages_are_accessible(site, page, assert_accessible):
    lineage_id = aggregates("wind_vermogen", area="NL01", period="2020").to_pylist()[0][
        "lineage_id"
    ]
    for path, name in [
        ("/", "glance-home"),
        ("/thema/2.1", "glance-theme"),
        ("/doel/2.1.2", "glance-goal"),
        ("/indicatoren", "indicators"),
        ("/indicator/wind_vermogen?provincie=PV24&provincie=PV25", "indicator"),
        ("/indicator/hernieuwbaar_elektrisch_vermogen", "indicator-breakdown"),
        ("/provincies", "provinces"),
        ("/provincie/PV25", "province"),
        (f"/herkomst/{quote(lineage_id)}", "lineage"),
        ("/en/indicator/wind_vermogen", "indicator-en"),
    ]:
        page.goto(site + path)
        assert page.locator("h1").count() == 1, path
        if page.locator("[data-vega-spec]").count():
            # The interactive chart replaced the static one: the local bundle loaded.
            page.wait_for_selector(".chart__canvas--interactive svg", timeout=15000)
        assert_accessible(page, name)


def test_a_visitor_browses_to_a_province_and_downloads_matching_numbers(site, page):
    page.goto(site + "/")
    page.get_by_role("link", name="2.1 Klimaat en energie").first.click()
    page.get_by_role("link", name=re.compile(r"^2\.1\.2")).click()
    assert page.url.endswith("/doel/2.1.2")
    page.get_by_role(
        "link", name="Opgesteld vermogen windenergie op land", exact=True
    ).first.click()
    assert page.url.endswith("/indicator/wind_vermogen")
    headline = page.locator(".headline__number").first.inner_text()

    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(r"^CSV")).click()
    rows = list(csv.DictReader(open(download.value.path(), encoding="utf-8")))  # noqa: SIM115
    national = {r["periode"]: r for r in rows if r["gebied"] == "NL01"}
    latest = max(p for p, r in national.items() if r["waarde"])
    assert dutch_number(headline.removesuffix(" MW")) == float(national[latest]["waarde"])

    page.get_by_text("Tabel bij de kaart").click()
    page.get_by_role("row", name=re.compile("^Gelderland")).get_by_role("link").first.click()
    assert page.url.endswith("/provincie/PV25")
    gelderland = next(r for r in rows if r["gebied"] == "PV25" and r["periode"] == latest)
    row = page.get_by_role("row", name=re.compile("^Opgesteld vermogen windenergie op land"))
    assert dutch_number(row.locator("td").nth(2).inner_text()) == float(gelderland["waarde"])


def test_every_province_on_the_map_is_reachable_with_tab_and_opens_with_enter(site, page):
    page.goto(site + "/provincie/PV25")
    reached = []
    for _ in range(200):
        page.keyboard.press("Tab")
        href = page.evaluate(
            "document.activeElement.closest('svg.choropleth') ? "
            "document.activeElement.getAttribute('href') : null"
        )
        if href:
            reached.append(href)
        elif reached:
            break
    assert sorted(reached) == [f"/provincie/PV{n}" for n in range(20, 32)]
    for _ in range(len(reached) - reached.index("/provincie/PV27")):
        page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "/provincie/PV27"
    focused = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert re.fullmatch(r"Noord-Holland: [\d.]+( MW)?", focused)
    page.keyboard.press("Enter")
    page.wait_for_url(site + "/provincie/PV27")
    assert page.locator("h1").inner_text() == "Provincie Noord-Holland"


def test_without_javascript_the_static_chart_map_and_tables_remain(site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "/indicator/wind_vermogen")
    assert page.locator(".chart__canvas svg.chart__svg").is_visible()
    assert page.locator("svg.choropleth a").count() == 12
    page.get_by_text("Tabel bij de grafiek").click()
    assert page.get_by_role("table", name=re.compile("per periode")).is_visible()
    page.get_by_role("checkbox", name="Gelderland").check()
    page.get_by_role("button", name="Toon").click()
    assert "provincie=PV25" in page.url
    assert page.get_by_role("columnheader", name="Gelderland", include_hidden=True).count() == 1
    context.close()
