"""Province pages: the province against the country, its rank, deliveries and completeness."""

import re

import time_machine

from koers.web.tests.page_tables import dutch_number, table_with


def test_the_province_list_links_all_twelve_provinces(client, register):
    html = client.get("/provincies").content.decode()
    links = set(re.findall(r'href="/provincie/(PV\d\d)"', html))
    assert links == {f"PV{n}" for n in range(20, 32)}
    assert html.count("<h1") == 1


def test_a_province_stands_next_to_the_country(client, published_wind, wind_csv):
    html = client.get("/provincie/PV25").content.decode()
    assert "<h1>Provincie Gelderland</h1>" in html
    table = table_with(html, "Gelderland tegenover Nederland")
    row = next(r for r in table.rows if r[0] == "Opgesteld vermogen windenergie op land")
    period, mine, national = row[1], dutch_number(row[3]), dutch_number(row[4])
    column = "OpgesteldVermogenEindeJaar_9"
    assert period == "2024"
    assert mine == float(wind_csv[("PV25", "2024")][column])
    assert national == float(wind_csv[("NL01", "2024")][column])
    assert row[6] == "–", "a total gets no rank (test_fair_comparison.py)"


def test_the_map_highlights_the_province_and_links_the_others(client, published_wind, boundaries):
    html = client.get("/provincie/PV25", {"indicator": "wind_vermogen"}).content.decode()
    assert 'class="choropleth choropleth--boundaries"' in html
    current = re.findall(
        r'<a href="/provincie/(PV\d\d)" tabindex="0"[^>]*aria-current="page"', html
    )
    assert current == ["PV25"]
    assert len(set(re.findall(r'<a href="/provincie/(PV\d\d)" tabindex="0"', html))) == 12


def test_published_deliveries_and_completeness_are_listed(client, published_wind):
    with time_machine.travel("2025-06-01", tick=False):
        html = client.get("/provincie/PV25").content.decode()
    deliveries = table_with(html, "Gepubliceerde aanleveringen")
    assert deliveries.rows[1][1] == "70960ned_windenergie_op_land.csv"
    completeness = table_with(html, "Verwachte aanleveringen van Gelderland")
    # Only what a province delivers itself is expected of it: never a CBS series.
    assert [r[0] for r in completeness.rows[1:]] == ["Uitgegeven bedrijventerrein"]
    # Programme years 2023 and 2024 ended more than 90 days ago; nothing was delivered.
    assert completeness.rows[1][1:] == ["0", "0", "2", "0"]


def test_only_provinces_have_a_page(client, register):
    for code in ("NL01", "PV99", "GM0363", "pv25"):
        assert client.get(f"/provincie/{code}").status_code == 404


def test_a_province_without_published_data_says_so(client, catalogue):
    html = client.get("/provincie/PV26").content.decode()
    assert "Er zijn nog geen gepubliceerde cijfers voor Utrecht." in html
