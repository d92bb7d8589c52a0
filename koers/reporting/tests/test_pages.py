"""Report pages, files, the Atom feed and the DCAT catalogue entry, through Django's client."""

from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

from koers.reporting.models import Report
from koers.reporting.service import generate_report, publish_report


@pytest.fixture
def reports(register):
    """Version 1 published, version 2 generated later and not (yet) published."""
    first = publish_report(generate_report(2026, today=date(2026, 12, 1), pdf=False))
    second = generate_report(2026, today=date(2026, 12, 8), pdf=False)
    return first, second


def test_the_stable_url_shows_the_latest_published_version(client, reports):
    html = client.get("/rapportages/2026").content.decode()
    assert "<h1>Voortgangsrapportage 2026</h1>" in html and "Versie 1, gemaakt op" in html
    assert 'id="samenvatting"' in html and "Vast adres van de nieuwste versie" in html
    document = client.get("/rapportages/2026.html")
    assert document["Content-Type"] == "text/html; charset=utf-8"
    assert b"gegenereerd op 1 december 2026" in b"".join(document.streaming_content)
    assert client.get("/rapportages/2025").status_code == 404


def test_unpublished_versions_are_for_the_programme_office_only(client, reports, office_user):
    assert client.get("/rapportages/2026/v2").status_code == 404
    assert client.get("/rapportages/2026/v2.html").status_code == 404
    listing = client.get("/rapportages/").content.decode()
    assert "/rapportages/2026/v1" in listing and "/rapportages/2026/v2" not in listing
    client.force_login(office_user)
    page = client.get("/rapportages/2026/v2").content.decode()
    assert "Nog niet gepubliceerd." in page and ">Publiceren</button>" in page
    client.post(reverse("reporting:publish", args=[2026, 2]))
    client.logout()
    assert "Versie 2, gemaakt op" in client.get("/rapportages/2026").content.decode()
    assert client.get("/rapportages/2026/v1").status_code == 200  # old versions stay


@pytest.mark.parametrize("role", [None, "reader", "analyst", "theme_lead", "province_steward"])
def test_only_the_programme_office_makes_and_publishes_reports(client, register, make_user, role):
    user = make_user(role, province="PV25" if role == "province_steward" else None)
    client.force_login(user)
    assert client.post(reverse("reporting:generate"), {"year": 2026}).status_code == 403
    assert not Report.objects.exists()


def test_the_programme_office_makes_a_report_with_its_pdf(client, office_user):
    client.force_login(office_user)
    response = client.post(reverse("reporting:generate"), {"year": 2026})
    assert response.status_code == 302 and response["Location"] == "/rapportages/2026/v1"
    pdf = client.get("/rapportages/2026/v1.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF-")
    assert client.post(reverse("reporting:generate"), {"year": "x"}).status_code == 302


def test_the_atom_feed_lists_reports_and_adopted_adjustments(client, reports, adopted):
    Report.objects.filter(version=1).update(published_at=datetime(2026, 12, 1, tzinfo=UTC))
    feed = client.get("/rapportages/feed.atom")
    assert feed["Content-Type"].startswith("application/atom+xml")
    xml = feed.content.decode()
    assert "<title>Voortgangsrapportage 2026 (versie 1)</title>" in xml
    assert "Doel 2.1.1 bijgesteld bij de begroting 2027 (besluit 12-11-2026)" in xml
    assert "<id>tag:koers,2026:rapportage/2026/v1</id>" in xml
    assert xml.index("begroting 2027") < xml.index("(versie 1)")  # newest first


def test_published_reports_are_datasets_in_the_dcat_catalogue(reports):
    from rdflib import URIRef
    from rdflib.namespace import DCAT, DCTERMS, RDF

    from koers.publication.dataset import TIDY, Publication
    from koers.publication.dcat import catalogue_graph
    from koers.publication.formats import Site
    from koers.publication.vocabularies import DEFAULT_LICENCE, licence

    site = Site(base_url="https://koers.example.nl", licence=licence(DEFAULT_LICENCE))
    empty = Publication(TIDY.empty_table(), {}, datetime.now(UTC))
    graph = catalogue_graph(empty, site)
    dataset = URIRef("https://koers.example.nl/rapportages/2026")
    assert (dataset, RDF.type, DCAT.Dataset) in graph
    catalogue = next(graph.subjects(RDF.type, DCAT.Catalog))
    assert (catalogue, DCAT.dataset, dataset) in graph
    downloads = {str(o) for d in graph.objects(dataset, DCAT.distribution)
                 for o in graph.objects(d, DCAT.downloadURL)}  # fmt: skip
    assert downloads == {"https://koers.example.nl/rapportages/2026.html"}  # no PDF was made
    versions = {str(v) for v in graph.objects(dataset, DCTERMS.hasVersion)}
    assert versions == {"https://koers.example.nl/rapportages/2026/v1"}  # published only


def test_a_pdf_that_cannot_be_made_is_a_message_and_keeps_nothing(client, office_user, monkeypatch):
    from koers.reporting import service

    def broken(document: str) -> bytes:
        raise OSError("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr(service, "render_pdf", broken)
    client.force_login(office_user)
    response = client.post(reverse("reporting:generate"), {"year": 2026}, follow=True)
    assert response.status_code == 200
    assert "De PDF van de rapportage 2026 kon niet worden gemaakt" in response.content.decode()
    assert not Report.objects.exists()


def test_the_english_pages_work_too(client, reports, office_user):
    assert client.get("/en/rapportages/").status_code == 200
    assert '<html lang="en">' in client.get("/en/rapportages/2026").content.decode()
    client.force_login(office_user)
    assert client.get("/en/toets/").status_code == 200
