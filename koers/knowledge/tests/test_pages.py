"""The knowledge pages, the area loader, the feed, the catalogue and the API."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from koers.knowledge import practices
from koers.knowledge.tests.test_practices import new

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(steward, lead, theme, goal):
    practice = new(steward, theme, goal).practice
    practices.submit(steward, practice)
    practices.publish(lead, practice)
    return practice


def test_the_goal_and_province_pages_show_published_practices(client, published, goal) -> None:
    html = client.get(f"/doel/{goal.number}").content.decode()
    assert (
        "Lessen en praktijken bij dit doel" in html and "Peilbeheer in de Gelderse Vallei" in html
    )
    assert "Peilbeheer in de Gelderse Vallei" in client.get("/provincie/PV25").content.decode()


def test_a_concept_is_not_public(client, steward, theme, goal) -> None:
    practice = new(steward, theme, goal).practice
    assert client.get(f"/kennis/praktijk/{practice.pk}").status_code == 404
    assert client.get(f"/api/v1/praktijkvoorbeelden/{practice.pk}").status_code == 404
    client.force_login(steward)
    assert client.get(f"/kennis/praktijk/{practice.pk}").status_code == 200


def test_search_page_finds_and_facets(client, published) -> None:
    html = client.get("/kennis/?q=slootpeil").content.decode()
    assert "1 resultaat" in html and "Peilbeheer in de Gelderse Vallei" in html
    assert "Gelderland" in html  # the province facet


def test_areas_load_from_rd_new_and_show_their_practices(client, register, polygon_rd) -> None:
    from koers.areas.models import Area
    from koers.cli.kennis import kennis

    result = CliRunner().invoke(kennis, ["gebieden", str(polygon_rd), "--provincie", "PV28"])
    assert result.exit_code == 0, result.output
    area = Area.objects.get(type="gebied")
    lon, lat = area.geometry["coordinates"][0][0]
    assert 4.5 < lon < 4.8 and 51.9 < lat < 52.1  # RD New → WGS84 near Gouda
    assert client.get(f"/kennis/gebied/{area.code}").status_code == 200
    bad = polygon_rd.with_name("leeg.geojson")
    bad.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    result = CliRunner().invoke(kennis, ["gebieden", str(bad), "--provincie", "PV28"])
    assert result.exit_code == 1 and "geen gebieden" in result.output


def test_the_feed_and_the_catalogue_list_published_practices(client, published, theme) -> None:
    from datetime import UTC, datetime

    from rdflib import URIRef
    from rdflib.namespace import DCAT, RDF

    from koers.publication.dataset import TIDY, Publication
    from koers.publication.dcat import catalogue_graph
    from koers.publication.formats import Site
    from koers.publication.vocabularies import DEFAULT_LICENCE, licence

    feed = client.get(f"/kennis/agenda/{theme.number}/feed.atom")
    assert feed.status_code == 200 and b"Peilbeheer in de Gelderse Vallei" in feed.content
    site = Site(base_url="https://koers.example.nl", licence=licence(DEFAULT_LICENCE))
    graph = catalogue_graph(Publication(TIDY.empty_table(), {}, datetime.now(UTC)), site)
    dataset = URIRef("https://koers.example.nl/kennis/")
    assert (dataset, RDF.type, DCAT.Dataset) in graph
    catalogue = next(graph.subjects(RDF.type, DCAT.Catalog))
    assert (catalogue, DCAT.dataset, dataset) in graph


def test_the_api_serves_published_practices_under_cc_by(client, published) -> None:
    body = client.get("/api/v1/praktijkvoorbeelden").json()
    assert body["totaal"] == 1
    row = body["resultaten"][0]
    assert row["licentie"] == "CC-BY-4.0" and row["trekker"] == "PV25"
    assert client.get("/api/v1/kennisvragen").status_code == 200
