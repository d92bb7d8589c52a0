""" "Waar komt dit getal vandaan?": from a published figure to file rows."""

from urllib.parse import quote

from koers.analytics.store import aggregates
from koers.web.tests.page_tables import dutch_number, table_with


def test_the_lineage_page_lists_the_observations_and_the_source_rows(
    client, published_wind, shared_data
):
    row = aggregates("wind_vermogen", area="NL01", period="2020").to_pylist()[0]
    html = client.get(f"/herkomst/{quote(row['lineage_id'])}").content.decode()
    assert html.count("<h1") == 1 and "Waar komt dit getal vandaan?" in html
    observations = table_with(html, "gepubliceerde waarnemingen achter dit getal")
    header = observations.rows[0]
    assert header[:2] == ["Gebied", "Periode"] and "Rij" in header
    rows = [dict(zip(header, r, strict=True)) for r in observations.rows[1:]]
    assert {r["Gebied"] for r in rows} >= {"Nederland", "Gelderland", "Limburg"}
    assert len(rows) == 13, "the reported national value and the twelve provinces"
    lines = (shared_data / "cbs" / "70960ned_windenergie_op_land.csv").read_text().splitlines()
    for r in rows:
        cells = lines[int(r["Rij"]) - 1].split(",")
        assert cells[2] == "2020JJ00" and float(cells[11]) == dutch_number(r["Waarde"].split()[0])
        assert r["Bronbestand"] == "70960ned_windenergie_op_land.csv"
    deliveries = table_with(html, "gepubliceerde aanleveringen waaruit")
    assert deliveries.rows[1][0] == str(published_wind.pk)
    assert published_wind.file.sha256[:16] in html


def test_every_figure_on_the_indicator_page_links_to_its_lineage(client, published_wind):
    html = client.get("/indicator/wind_vermogen").content.decode()
    series = table_with(html, "per periode")
    links = [link for row in series.links[1:] for link in row[1:2] if link]
    assert len(links) >= 30
    assert client.get(links[0]).status_code == 200
    assert "Waar komt dit getal vandaan?" in html and '<details class="lineage-panel">' in html


def test_unknown_or_malformed_lineage_is_not_found(client, published_wind):
    for lineage_id in (
        "nonsense",
        "wind_vermogen|realisation|bestuurlijk|NL01|1800|_T",
        "wind_vermogen|realisation|other|NL01|2020|_T",
        "wind_vermogen|realisation||NL01|20x0|_T",
    ):
        assert client.get(f"/herkomst/{quote(lineage_id)}").status_code == 404, lineage_id


def test_unpublished_figures_have_no_lineage_page(client, publish):
    publish("70960ned_windenergie_op_land.csv", "cbs-70960ned.yaml", until="approved")
    lineage_id = "wind_vermogen|realisation|bestuurlijk|NL01|2020|_T"
    assert client.get(f"/herkomst/{quote(lineage_id)}").status_code == 404
