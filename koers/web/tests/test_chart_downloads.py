"""Charts on the indicator page: province lines as an index, downloads as SVG or PNG, and a
snippet to embed the chart elsewhere (a chart-only page in an iframe, or the SVG)."""

import json
import re
from html import unescape

CHOICES = "uitsplitsing=_T&provincie=PV24"


def spec_of(html: str) -> dict:
    found = re.search(r'id="fig-wind_vermogen-spec" type="application/json">(.*?)</script>', html)
    return json.loads(found.group(1))


def test_province_lines_can_be_an_index_of_the_first_shared_year(client, published_wind, wind_csv):
    html = client.get(f"/indicator/wind_vermogen?{CHOICES}&weergave=index").content.decode()
    column = "OpgesteldVermogenEindeJaar_9"
    flevoland = {y: float(r[column]) for (a, y), r in wind_csv.items() if a == "PV24" and r[column]}
    base = min(flevoland)  # the national series starts earlier: Flevoland sets the base
    points = {(p["series"], p["period"]): p["value"] for p in spec_of(html)["datasets"]["points"]}
    assert points[("Nederland", base)] == points[("Flevoland", base)] == 100
    assert points[("Flevoland", "2024")] == 100 * flevoland["2024"] / flevoland[base]
    assert not any(p < base for _, p in points), "nothing before the base year"
    assert f"De lijnen zijn een index: {base} = 100." in html
    assert 'value="index" checked' in html
    assert "doel 2030" not in html.split("fig-wind_vermogen-spec")[1], "targets are in MW"


def test_without_a_choice_the_chart_shows_values(client, published_wind):
    html = client.get(f"/indicator/wind_vermogen?{CHOICES}&weergave=iets").content.decode()
    assert 'value="waarde" checked' in html and "een index" not in html
    assert max(p["value"] for p in spec_of(html)["datasets"]["points"]) > 1000  # MW, not index


def test_the_chart_downloads_as_svg_and_png_with_the_same_choices(client, published_wind):
    html = client.get(f"/indicator/wind_vermogen?{CHOICES}&weergave=index").content.decode()
    links = re.findall(r'href="(/indicator/wind_vermogen/grafiek\.(svg|png)\?[^"]*)"', html)
    assert {kind for _, kind in links} == {"svg", "png"}
    for url, kind in links:
        assert "provincie=PV24" in url and "weergave=index" in url
        response = client.get(unescape(url))
        assert response.status_code == 200
        if kind == "svg":
            assert response["Content-Type"].startswith("image/svg+xml")
            svg = response.content.decode()
            assert svg.startswith("<svg") and "Flevoland" in svg and "<title>" in svg
        else:
            assert response["Content-Type"] == "image/png"
            assert response.content.startswith(b"\x89PNG")


def test_unknown_image_formats_and_indicators_without_figures_are_not_found(client, published_wind):
    assert client.get("/indicator/wind_vermogen/grafiek.gif").status_code == 404
    assert client.get("/indicator/verkeersdoden/grafiek.svg").status_code == 404
    assert client.get("/indicator/verkeersdoden/grafiek").status_code == 404


def test_the_indicator_page_offers_an_embed_snippet_for_a_chart_only_page(client, published_wind):
    html = client.get(f"/indicator/wind_vermogen?{CHOICES}").content.decode()
    snippet = unescape(re.search(r'id="fig-wind_vermogen-embed"[^>]*>(.*?)</textarea>', html)[1])
    src = re.search(
        r'<iframe src="http://testserver(/indicator/wind_vermogen/grafiek\?[^"]+)"', snippet
    )
    assert src and "provincie=PV24" in src[1]
    assert 'title="Opgesteld vermogen windenergie op land"' in snippet

    embed = client.get(src[1])
    assert embed.status_code == 200
    assert "X-Frame-Options" not in embed, "other sites may frame the chart"
    assert "frame-ancestors *" in embed["Content-Security-Policy"]
    page = embed.content.decode()
    assert page.count("<svg") == 1 and "Flevoland" in page
    assert 'target="_top"' in page and "/indicator/wind_vermogen?" in page
    assert 'class="site-nav"' not in page, "the chart alone, without the site around it"


def test_other_pages_still_refuse_to_be_framed(client, published_wind):
    response = client.get("/indicator/wind_vermogen")
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_a_province_that_starts_at_zero_is_indexed_from_its_first_year_above_zero(
    client, published_wind, wind_csv
):
    html = client.get("/indicator/wind_vermogen?provincie=PV25&weergave=index").content.decode()
    column = "OpgesteldVermogenEindeJaar_9"
    mine = {y: float(r[column]) for (a, y), r in wind_csv.items() if a == "PV25" and r[column]}
    base = min(y for y, v in mine.items() if v > 0)
    points = {(p["series"], p["period"]): p["value"] for p in spec_of(html)["datasets"]["points"]}
    assert points[("Gelderland", base)] == points[("Nederland", base)] == 100
    assert "Niet in de index" not in html
