"""Active publication under the Woo: every mandatory DiWoo element, a sitemap for harvesting,
iCalendar per body; unpublished documents never reachable, whatever the URL."""

from __future__ import annotations

import datetime
import re
from xml.etree import ElementTree

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from koers.areas.models import Area
from koers.meetings import agenda
from koers.meetings.documents import add_document

pytestmark = pytest.mark.django_db
IPO = "https://identifier.overheid.nl/tooi/id/oorg/oorg-ipo-test"
TOOI_CATEGORY = re.compile(r"^https://identifier\.overheid\.nl/tooi/def/thes/kern/c_[0-9a-f]{8}$")


@pytest.fixture(autouse=True)
def publisher(monkeypatch):
    monkeypatch.setenv("KOERS_WOO_PUBLISHER", IPO)


@pytest.fixture
def documents(held_meeting, lead, pdf):
    punt = held_meeting.agendapunten.get()
    public = agenda.attach_document(
        lead, punt, SimpleUploadedFile("a.pdf", pdf.read_bytes()), titel="Besluitenlijst",
        openbaar=True, informatieobjecttype="besluitvormingsstuk",
        informatiecategorie="agendas_besluitenlijsten",
    )  # fmt: skip
    hidden = agenda.attach_document(
        lead, punt, SimpleUploadedFile("b.pdf", pdf.read_bytes() + b"\n%b"), titel="Intern",
        openbaar=False, informatieobjecttype="voorstel",
    )  # fmt: skip
    return public, hidden


def test_a_publication_carries_every_mandatory_diwoo_element(client, documents):
    public, _ = documents
    data = client.get(f"/overleg/woo/documenten/{public.pk}.json").json()["document"]
    assert data["officieleTitel"] == "Besluitenlijst"
    assert data["publisher"] == {"resource": IPO, "label": "Interprovinciaal Overleg"}
    assert data["verantwoordelijke"] == data["publisher"]
    (category,) = data["classificatiecollectie"]["informatiecategorieen"]
    assert TOOI_CATEGORY.match(category["resource"])
    assert category["resource"].endswith("c_5540d806") and category["artikel"] == "art. 3.3.2d Woo"
    assert datetime.date.fromisoformat(data["creatiedatum"]) == public.creatiedatum
    assert datetime.date.fromisoformat(data["openbaarmakingsdatum"]) == datetime.date.today()
    assert data["taal"]["resource"].endswith("/language/NLD")
    assert data["licentie"]["resource"].startswith("https://creativecommons.org/")
    assert data["identifiers"][0].endswith(f"/overleg/documenten/{public.pk}")
    assert data["identifiers"][1] == f"urn:sha256:{public.bestand.sha256}"
    assert client.get(data["weblocatie"]).status_code == 200


def test_a_province_publishes_under_its_own_tooi_identifier(pdf, office):
    gelderland = Area.objects.get(code="PV25")
    document = add_document(
        pdf, titel="Statenbrief", openbaar=True, uitgever=gelderland, user=office
    )
    from koers.meetings.woo import diwoo

    publisher = diwoo(document, base_url="https://koers.example")["document"]["publisher"]
    assert publisher == {
        "resource": "https://identifier.overheid.nl/tooi/id/provincie/pv25",
        "label": "Provincie Gelderland",
    }


def test_without_a_publisher_setting_the_metadata_says_what_is_missing(
    client, documents, monkeypatch
):
    monkeypatch.delenv("KOERS_WOO_PUBLISHER")
    response = client.get(f"/overleg/woo/documenten/{documents[0].pk}.json")
    assert response.status_code == 503
    assert "KOERS_WOO_PUBLISHER" in response.json()["fout"]


def test_the_sitemap_lists_published_documents_only(client, documents):
    public, hidden = documents
    response = client.get("/overleg/woo/sitemap.xml")
    assert response["Content-Type"].startswith("application/xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    sitemap = ElementTree.fromstring(response.content)  # noqa: S314 (our own output)
    locs = [e.text for e in sitemap.findall("s:url/s:loc", ns)]
    assert locs == [f"http://testserver/overleg/woo/documenten/{public.pk}.json"]


def test_unpublished_documents_have_no_metadata_or_file_for_anyone_guessing(
    client, documents, lead
):
    public, hidden = documents
    highest = max(public.pk, hidden.pk)
    for pk in range(1, highest + 3):
        expected = 200 if pk == public.pk else 404
        assert client.get(f"/overleg/woo/documenten/{pk}.json").status_code == expected
        assert client.get(f"/overleg/documenten/{pk}").status_code == expected
    client.force_login(lead)  # even staff get no Woo metadata for an unpublished document
    assert client.get(f"/overleg/woo/documenten/{hidden.pk}.json").status_code == 404


def test_a_body_has_an_icalendar_feed_of_its_public_meetings(client, held_meeting, lead, bac):
    agenda.publish_meeting(lead, held_meeting)
    agenda.plan_meeting(lead, bac, datum=datetime.date.today() + datetime.timedelta(days=30))
    response = client.get(f"/overleg/gremia/{bac.code}.ics")
    assert response["Content-Type"].startswith("text/calendar")
    text = response.content.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and text.endswith(
        "END:VCALENDAR\r\n"
    )
    assert text.count("BEGIN:VEVENT") == 1  # the unpublished meeting is not in the feed
    assert f"DTSTART;VALUE=DATE:{held_meeting.datum:%Y%m%d}" in text
    assert "LOCATION:Den Haag" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_long_icalendar_lines_are_folded():
    from koers.meetings.ical import _fold

    line = "SUMMARY:" + "Vergadering van de Bestuurlijke Adviescommissie " * 3
    folded = _fold(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line
