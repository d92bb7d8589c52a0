"""Meeting documents: kept once by SHA-256, findable by their text, unpublished ones unreachable."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from koers.deliveries.files import stored_path
from koers.deliveries.models import StoredFile
from koers.meetings import agenda
from koers.meetings.documents import add_document
from koers.meetings.models import Informatieobject
from koers.search.service import search

pytestmark = pytest.mark.django_db


def upload(path, name="voorstel.pdf"):
    return SimpleUploadedFile(name, path.read_bytes(), content_type="application/pdf")


def test_a_document_is_kept_once_by_its_sha256_in_the_delivery_file_store(pdf, office):
    first = add_document(pdf, titel="Voorstel", user=office)
    second = add_document(pdf, titel="Zelfde voorstel", user=office)
    assert first.bestand == second.bestand
    assert StoredFile.objects.count() == 1
    assert stored_path(first.bestand.sha256).read_bytes() == pdf.read_bytes()


def test_search_finds_a_word_inside_an_uploaded_pdf(held_meeting, lead, pdf):
    punt = held_meeting.agendapunten.get()
    agenda.attach_document(
        lead,
        punt,
        upload(pdf),
        titel="Voorstel veenweide",
        openbaar=True,
        informatieobjecttype="voorstel",
    )
    results = search("kringlooplandbouw")
    assert [hit.kind for hit in results.hits] == ["document"]
    assert results.hits[0].title == "Voorstel veenweide"
    assert "kringlooplandbouw" in results.hits[0].snippet
    assert [f.value for f in results.facets["gremium"]] == [held_meeting.gremium.code]


def test_an_unpublished_document_is_found_only_by_insiders(held_meeting, lead, pdf):
    punt = held_meeting.agendapunten.get()
    agenda.attach_document(
        lead, punt, upload(pdf), titel="Concept", openbaar=False, informatieobjecttype="voorstel"
    )
    assert search("kringlooplandbouw").total == 0
    assert search("kringlooplandbouw", include_private=True).total == 1


def test_unpublished_documents_are_never_reachable_by_guessing_their_url(
    client, held_meeting, lead, pdf, tmp_path
):
    punt = held_meeting.agendapunten.get()
    public = agenda.attach_document(
        lead, punt, upload(pdf), titel="Openbaar", openbaar=True, informatieobjecttype="voorstel"
    )
    other = tmp_path / "geheim.pdf"
    other.write_bytes(pdf.read_bytes().replace(b"%%EOF", b"%%EOF\n% geheim"))
    secret = agenda.attach_document(
        lead,
        punt,
        upload(other, "geheim.pdf"),
        titel="Geheim",
        openbaar=False,
        informatieobjecttype="voorstel",
    )
    highest = Informatieobject.objects.order_by("-pk").first().pk
    answers = {
        pk: client.get(f"/overleg/documenten/{pk}").status_code for pk in range(1, highest + 5)
    }
    assert answers[public.pk] == 200
    assert answers[secret.pk] == 404
    assert {pk for pk, status in answers.items() if status == 200} == {public.pk}
    client.force_login(lead)
    assert client.get(f"/overleg/documenten/{secret.pk}").status_code == 200


def test_a_document_koers_cannot_read_is_refused_on_the_page_with_a_clear_message(
    client, held_meeting, lead
):
    punt = held_meeting.agendapunten.get()
    client.force_login(lead)
    response = client.post(
        f"/overleg/agendapunten/{punt.pk}/documenten",
        {
            f"doc{punt.pk}-bestand": SimpleUploadedFile("notities.txt", b"platte tekst"),
            f"doc{punt.pk}-titel": "Notities",
            f"doc{punt.pk}-informatieobjecttype": "mededeling",
            f"doc{punt.pk}-informatiecategorie": "vergaderstukken",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert (
        "notities.txt: Koers leest alleen PDF-, DOCX- en ODT-documenten"
        in response.content.decode()
    )
    assert Informatieobject.objects.count() == 0
