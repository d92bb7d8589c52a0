"""The indicator pages: published figures only, chart, map, table, rules, reconciliation."""

import re

from koers.analytics.store import aggregates
from koers.web.tests.page_tables import dutch_number, table_with


def test_the_catalogue_lists_programme_indicators_with_their_latest_figure(
    client, published_wind, wind_csv
):
    html = client.get("/indicatoren").content.decode()
    assert html.count("<h1") == 1
    assert 'href="/indicator/wind_vermogen"' in html
    assert "ca_ghg_emissies" not in html, "peer indicators are not programme indicators"
    table = table_with(html, "Klimaat en energie")
    row = next(r for r in table.rows if r[0] == "Opgesteld vermogen windenergie op land")
    latest = float(wind_csv[("NL01", "2024")]["OpgesteldVermogenEindeJaar_9"])
    assert dutch_number(row[1].removesuffix(" MW")) == latest and row[2] == "2024"
    assert row[3] == "12 van 12"


def test_an_indicator_page_shows_definition_rules_chart_map_and_table(
    client, published_wind, wind_csv
):
    html = client.get("/indicator/wind_vermogen").content.decode()
    assert html.count("<h1") == 1 and "Elektrisch vermogen van alle windturbines" in html
    assert "voorraad: het laatste jaar telt" in html
    assert "optellen: de provincies" in html
    assert 'class="marks chart__svg"' in html, "a static SVG chart works without JavaScript"
    assert 'id="fig-wind_vermogen-spec" type="application/json"' in html
    assert 'class="choropleth choropleth--tiles"' in html, "no boundaries loaded: tile map"
    series = table_with(html, "per periode")
    assert series.rows[0][:2] == ["Periode", "Nederland"]
    by_year = {row[0]: row for row in series.rows[1:]}
    for year in ("1990", "2010", "2024"):
        expected = float(wind_csv[("NL01", year)]["OpgesteldVermogenEindeJaar_9"])
        assert dutch_number(by_year[year][1]) == expected
    assert by_year["2024"][2] == "12/12"


def test_the_map_period_and_province_lines_are_chosen_with_a_plain_form(
    client, published_wind, wind_csv
):
    html = client.get(
        "/indicator/wind_vermogen", {"periode": "2010", "provincie": ["PV24", "PV25", "XX"]}
    ).content.decode()
    assert '<form method="get"' in html and 'name="provincie" value="PV25" checked' in html
    series = table_with(html, "per periode")
    assert series.rows[0] == [
        "Periode",
        "Nederland",
        "Flevoland",
        "Gelderland",
        "Provincies geleverd",
    ]
    provinces = table_with(html, "per provincie in 2010")
    flevoland = next(r for r in provinces.rows if r[0] == "Flevoland")
    assert dutch_number(flevoland[1]) == float(
        wind_csv[("PV24", "2010")]["OpgesteldVermogenEindeJaar_9"]
    )
    # installed capacity is a total that mostly measures a province's size: no rank
    assert provinces.rows[0] == ["Provincie", "Waarde"] and len(flevoland) == 2
    assert "Geen rang: een rang zegt alleen iets bij een richting" in html
    assert 'aria-label="Flevoland: ' in html and 'tabindex="0"' in html


def test_reconciliation_shows_reported_computed_difference_and_tolerance(client, published_wind):
    html = client.get("/indicator/wind_vermogen").content.decode()
    table = table_with(html, "gemeld landelijk totaal tegen de som van de provincies")
    header, first = table.rows[0], table.rows[1]
    assert header[:5] == ["Periode", "Gemeld", "Berekend", "Verschil", "Binnen de marge?"]
    row = aggregates("wind_vermogen", area="NL01", period=first[0]).to_pylist()[0]
    assert dutch_number(first[1]) == row["reported_value"]
    assert dutch_number(first[2]) == row["computed_value"]
    assert first[4].startswith("ja" if row["within_tolerance"] else "nee")
    assert "12 van 12" in html and "provincies hebben cijfers voor 2024" in html


def test_breakdowns_are_chosen_and_the_unallocated_share_is_shown(client, published_renewable):
    html = client.get("/indicator/hernieuwbaar_elektrisch_vermogen").content.decode()
    options = re.findall(r'<option value="(BronEnTechniek=[^"]+)"', html)
    assert options[:2] == ["BronEnTechniek=E006590", "BronEnTechniek=A050176"]
    assert "niet aan een provincie toe te delen (CBS-code PV99)" in html
    wind = client.get(
        "/indicator/hernieuwbaar_elektrisch_vermogen", {"uitsplitsing": "BronEnTechniek=E006637"}
    ).content.decode()
    assert "(Windenergie op land)" in wind
    latest = aggregates(
        "hernieuwbaar_elektrisch_vermogen", area="NL01", period="2024",
        breakdown="BronEnTechniek=E006637",
    ).to_pylist()[0]  # fmt: skip
    assert (
        dutch_number(re.search(r'headline__number">([\d.,]+) MW', wind).group(1))
        == (latest["value"])
    )


def test_unpublished_data_never_shows(client, publish):
    publish("70960ned_windenergie_op_land.csv", "cbs-70960ned.yaml", until="approved")
    html = client.get("/indicator/wind_vermogen").content.decode()
    assert "Er zijn nog geen gepubliceerde cijfers" in html
    assert "chart__svg" not in html and "Tabel bij de grafiek" not in html
    assert client.get("/indicator/wind_vermogen.csv").content.decode().count("\n") == 1


def test_unknown_and_peer_indicators_are_not_found(client, catalogue):
    assert client.get("/indicator/no_such_indicator").status_code == 404
    assert client.get("/indicator/ca_ghg_emissies").status_code == 404
    assert client.get("/indicator/wind_vermogen.pdf").status_code == 404


def test_english_pages_use_english_names_and_number_format(client, published_wind):
    html = client.get("/en/indicator/wind_vermogen").content.decode()
    assert '<html lang="en">' in html and "Installed onshore wind capacity" in html
    assert re.search(r'headline__number">\d,\d{3} MW', html)


def test_pages_read_a_fixed_number_of_queries_however_much_they_show(
    client, published_wind, django_assert_max_num_queries
):
    every_province = [f"PV{n}" for n in range(20, 32)]
    client.get("/indicator/wind_vermogen")  # warm the per-process caches
    # 6, plus the data version's and the page's check for figures left stale by a refresh,
    # plus the per-inhabitant view a total points to (web.ranking.normalised_views)
    with django_assert_max_num_queries(9):
        client.get("/indicator/wind_vermogen", {"provincie": every_province})
    # the goal page: 9, plus one query for each section other apps add: adjustments of the
    # yearly review, work-programme activities, positions, lobby dossiers and practices
    with django_assert_max_num_queries(14):
        client.get("/doel/2.1.2", {"provincie": every_province})
    # the province page: the data version and completeness included, plus one query each
    # for the activities and the practices the province leads
    with django_assert_max_num_queries(17):
        client.get("/provincie/PV25")
