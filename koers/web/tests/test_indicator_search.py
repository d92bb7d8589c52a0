"""Search and filters on the indicator list: theme, goal, source, frequency, target and last
update, as a plain GET form; a value in the list opens its indicator, not its lineage."""

import re
from pathlib import Path

import pytest
import yaml

CATALOGUE = Path(__file__).resolve().parents[2] / "indicators" / "catalogue.yaml"
WIND_CODES = {
    "wind_vermogen",
    "windturbines_opgesteld",
    "windturbines_in_gebruik_genomen",
    "windturbines_uit_gebruik_genomen",
    "wind_vermogen_in_gebruik_genomen",
    "wind_productie",
}


def catalogue_codes(keep) -> set[str]:
    """Programme indicators of the catalogue file for which keep(entry) holds."""
    entries = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))["indicators"]
    if isinstance(entries, dict):
        entries = [{"code": code, **entry} for code, entry in entries.items()]
    return {e["code"] for e in entries if e.get("goals") and keep(e)}


def in_theme(entry: dict, theme: str) -> bool:
    return any(goal.startswith(theme + ".") for goal in entry["goals"])


def listed(client, query: str = "") -> set[str]:
    html = client.get("/indicatoren" + query).content.decode()
    return set(re.findall(r'<th scope="row"><a href="/indicator/([\w-]+)"', html))


def test_without_choices_every_programme_indicator_is_listed(client, published_wind):
    assert listed(client) == catalogue_codes(lambda e: True)


def test_search_words_must_all_occur_in_name_description_or_code(client, published_wind):
    found = listed(client, "?zoek=windturbines+jaar")
    assert {"windturbines_opgesteld", "windturbines_uit_gebruik_genomen"} <= found
    assert not found & {"verkeersdoden", "bevolking_1_januari"}
    assert "wind_productie" not in found, "its description has windturbines, but not jaar"
    assert listed(client, "?zoek=WINDTURBINES") >= {"windturbines_opgesteld"}


@pytest.mark.parametrize(
    ("query", "keep"),
    [
        ("?doel=2.1.4", lambda e: "2.1.4" in e["goals"]),
        ("?thema=2.2", lambda e: in_theme(e, "2.2")),
        ("?bron=RIVM", lambda e: e["source"]["producer"] == "RIVM"),
        ("?frequentie=month", lambda e: e.get("periodicity") == "month"),
        (
            "?frequentie=quarter&thema=2.1",
            lambda e: e.get("periodicity") == "quarter" and in_theme(e, "2.1"),
        ),
    ],
)
def test_each_filter_keeps_what_the_catalogue_says(client, published_wind, query, keep):
    expected = catalogue_codes(keep)
    assert expected, f"{query} should find something in the catalogue"
    assert listed(client, query) == expected


def test_has_a_target(client, wind_target):
    assert listed(client, "?streefwaarde=ja") == {"wind_vermogen"}
    without = listed(client, "?streefwaarde=nee")
    assert "wind_vermogen" not in without and "windturbines_opgesteld" in without


def test_last_updated_keeps_indicators_whose_newest_figure_is_that_recent(client, published_wind):
    html = client.get("/indicatoren").content.decode()
    assert '<option value="2024">2024 of later</option>' in html  # the CBS file ends in 2024
    assert listed(client, "?bijgewerkt=2024") == WIND_CODES
    page = client.get("/indicatoren?bijgewerkt=2099").content.decode()
    assert "Geen indicator past bij deze keuzes" in page and "0 van " in page


def test_unknown_choices_are_ignored_not_an_error(client, published_wind):
    response = client.get("/indicatoren?frequentie=wekelijks&bijgewerkt=ooit&streefwaarde=x")
    assert response.status_code == 200
    assert listed(client, "?frequentie=wekelijks&bijgewerkt=ooit") == listed(client)


def test_the_form_remembers_the_choices(client, published_wind):
    html = client.get("/indicatoren?zoek=wind&doel=2.1.4&bijgewerkt=2024").content.decode()
    assert 'name="zoek" value="wind"' in html
    assert '<option value="2.1.4" selected>' in html
    assert '<option value="2024" selected>' in html
    assert 'role="search"' in html


def test_a_value_in_the_list_opens_the_indicator_not_its_lineage(client, published_wind):
    html = client.get("/indicatoren?zoek=opgesteld+vermogen+windenergie").content.decode()
    row = re.search(r'<th scope="row"><a href="/indicator/wind_vermogen">.*?</tr>', html, re.S)
    assert row, "the wind row is listed"
    assert "/herkomst/" not in row.group(0)
    assert re.search(r'<td class="num"><a href="/indicator/wind_vermogen">[\d.]+ MW</a>', row[0])


@pytest.mark.browser
def test_a_visitor_filters_without_javascript_and_opens_an_indicator(
    live_server, browser, page, published_wind, assert_accessible
):
    filtered = page  # with JavaScript, for axe (which cannot run without it)
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    no_script = context.new_page()
    no_script.goto(live_server.url + "/indicatoren")
    no_script.get_by_label("Doel").select_option("2.1.4")
    no_script.get_by_label("Zoek op naam of omschrijving").fill("aantal")
    no_script.get_by_role("button", name="Zoeken").click()
    assert "doel=2.1.4" in no_script.url and "zoek=aantal" in no_script.url
    rows = no_script.locator("tbody th[scope=row] a")
    assert sorted(rows.all_inner_texts()) == [
        "In gebruik genomen windturbines op land",
        "Opgestelde windturbines op land",
    ]
    filtered.goto(no_script.url)
    assert_accessible(filtered, "indicators-filtered")
    row = no_script.get_by_role("row", name=re.compile("^Opgestelde windturbines"))
    row.locator("td a").click()
    assert no_script.url.endswith("/indicator/windturbines_opgesteld")
    context.close()
