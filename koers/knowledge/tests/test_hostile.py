"""Hostile input and other people's practices: a message naming the field and the value,
never an error page; nobody reaches a concept, its document or its area by URL."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from koers.areas.models import Area
from koers.knowledge import practices
from koers.knowledge.models import Practice
from koers.knowledge.tests.test_practices import new

pytestmark = pytest.mark.django_db


def form(theme, **changes) -> dict:
    data = {
        "theme": theme.number,
        "lead_province": "PV25",
        "title": "Peilbeheer",
        "tried": "Het slootpeil omhoog.",
        "place": "Gelderse Vallei",
    }
    data.update(changes)
    return data


def geojson(geometry, *, name: str = "gebied.geojson") -> SimpleUploadedFile:
    collection = {
        "type": "FeatureCollection",
        "features": [{"type": "Feature", "properties": {}, "geometry": geometry}],
    }
    return SimpleUploadedFile(name, json.dumps(collection).encode(), "application/geo+json")


def square(x: float = 5.5, y: float = 52.0) -> dict:
    ring = [[x, y], [x + 0.1, y], [x + 0.1, y + 0.1], [x, y + 0.1], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (geojson({"type": "Point", "coordinates": [5.5, 52.0]}), "'Point'"),
        (SimpleUploadedFile("kaart.pdf", b"%PDF-1.4 nonsense"), "geen geldige JSON"),
        (geojson({"type": "Polygon", "coordinates": "x"}), "coördinaten"),
        (geojson({"type": "Polygon"}), "coördinaten"),
        (geojson({"type": "Polygon", "coordinates": [[[5, 52], [6, 52]]]}), "coördinaten"),
        (geojson({"type": "Polygon", "coordinates": [[[1e12, 1e12]] * 4]}), "coördinaten"),
        (
            SimpleUploadedFile(
                "g.geojson", json.dumps({"type": "FeatureCollection", "features": 5}).encode()
            ),
            "features",
        ),
        (
            SimpleUploadedFile(
                "g.geojson", json.dumps({"type": "FeatureCollection", "features": [7]}).encode()
            ),
            "gebied 1",
        ),
    ],
)
def test_a_bad_polygon_is_a_message_naming_the_file_not_an_error(
    client, steward, theme, upload, message
) -> None:
    client.force_login(steward)
    response = client.post(
        "/kennis/praktijk/nieuw", form(theme, area_name="Vallei", area_geojson=upload)
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert message.replace("'", "&#x27;") in html and upload.name in html
    assert not Practice.objects.exists() and not Area.objects.filter(type="gebied").exists()


def test_a_huge_polygon_file_is_refused_by_its_size(client, steward, theme, settings) -> None:
    client.force_login(steward)
    big = SimpleUploadedFile("groot.geojson", b" " * (6 * 1024 * 1024), "application/geo+json")
    response = client.post(
        "/kennis/praktijk/nieuw", form(theme, area_name="Vallei", area_geojson=big)
    )
    assert response.status_code == 400
    assert "groot.geojson" in response.content.decode()
    assert "MB" in response.content.decode()


def test_html_in_the_text_is_shown_as_text(client, steward, lead, theme, goal) -> None:
    script = "<script>alert(1)</script>"
    practice = new(steward, theme, goal, title=script, tried=script, worked=script).practice
    practices.submit(steward, practice)
    practices.publish(lead, practice)
    for path in (f"/kennis/praktijk/{practice.pk}", "/kennis/", f"/doel/{goal.number}"):
        assert script not in client.get(path).content.decode(), path


def test_a_javascript_link_is_refused(client, steward, theme) -> None:
    client.force_login(steward)
    response = client.post("/kennis/praktijk/nieuw", form(theme, link="javascript:alert(1)"))
    assert response.status_code == 400 and not Practice.objects.exists()


def test_a_steward_of_another_province_neither_sees_nor_writes_a_concept(
    client, make_user, steward, theme, goal
) -> None:
    practice = new(steward, theme, goal).practice
    utrecht = make_user("province_steward", province="PV26", name="steward-utr")
    client.force_login(utrecht)
    assert client.get(f"/kennis/praktijk/{practice.pk}").status_code == 404
    assert client.get(f"/kennis/praktijk/{practice.pk}/nieuwe-versie").status_code == 403
    response = client.post(
        f"/kennis/praktijk/{practice.pk}/nieuwe-versie",
        form(theme, area_name="Vallei", area_geojson=geojson(square())),
    )
    assert response.status_code == 403
    assert practice.versions.count() == 1
    assert not Area.objects.filter(type="gebied").exists()  # nothing stored on the way


def test_a_practice_for_a_province_one_does_not_hold_stores_nothing(
    client, make_user, theme, pdf
) -> None:
    utrecht = make_user("province_steward", province="PV26", name="steward-utr")
    client.force_login(utrecht)
    from koers.meetings.models import Informatieobject

    with pdf.open("rb") as handle:
        document = SimpleUploadedFile("evaluatie.pdf", handle.read(), "application/pdf")
    response = client.post(
        "/kennis/praktijk/nieuw",
        form(theme, area_name="Vallei", area_geojson=geojson(square()), document=document),
    )
    assert response.status_code == 403
    assert not Practice.objects.exists()
    assert not Area.objects.filter(type="gebied").exists()
    assert not Informatieobject.objects.exists()


def test_an_area_upload_does_not_overwrite_an_area_loaded_by_the_province(
    client, steward, theme
) -> None:
    from koers.knowledge.area_upload import load_areas

    pv25 = Area.objects.get(code="PV25")
    collection = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"naam": "Vallei"}, "geometry": square(5.6, 52.1)}
        ],
    }
    load_areas(json.dumps(collection), province=pv25)
    before = Area.objects.get(type="gebied").geometry
    client.force_login(steward)
    response = client.post(
        "/kennis/praktijk/nieuw",
        form(theme, area_name="Vallei", area_geojson=geojson(square(6.0, 52.3))),
    )
    assert response.status_code == 302
    assert Area.objects.get(name="Vallei", geometry=before)
    assert Area.objects.filter(type="gebied").count() == 2


def test_a_signed_in_reader_does_not_find_a_concept_of_another_province(
    client, make_user, steward, theme, goal
) -> None:
    practice = new(steward, theme, goal, tried="Het geheime slootpeilplan.").practice
    reader = make_user("reader", name="lezer")
    client.force_login(reader)
    html = client.get("/kennis/?q=slootpeilplan").content.decode()
    assert "Peilbeheer in de Gelderse Vallei" not in html
    client.force_login(steward)  # the author reaches it from the practice's own page
    assert client.get(f"/kennis/praktijk/{practice.pk}").status_code == 200


def test_a_visitor_reaches_a_practice_document_only_while_it_is_published(
    client, steward, lead, theme, goal, pdf
) -> None:
    from koers.meetings.documents import add_document

    document = add_document(pdf, name="evaluatie.pdf", titel="Evaluatie", user=steward)
    practice = new(steward, theme, goal, documents=[document]).practice
    url = f"/overleg/documenten/{document.pk}"
    assert client.get(url).status_code == 404
    practices.submit(steward, practice)
    practices.publish(lead, practice)
    assert client.get(url).status_code == 200
    practices.withdraw(lead, practice)
    assert client.get(url).status_code == 404


def test_area_codes_fit_the_database_and_similar_names_do_not_meet(register) -> None:
    from koers.knowledge.area_upload import load_areas

    names = ["Veenweide Krimpenerwaard", "Veenweide Krimpenerwaard-Oost", "!!!"]
    collection = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"naam": n}, "geometry": square(5.5 + i / 10)}
            for i, n in enumerate(names)
        ],
    }
    loaded = load_areas(json.dumps(collection), province=Area.objects.get(code="PV25"))
    assert len(loaded.created) == 3 and all(len(code) <= 20 for code in loaded.created)


@pytest.mark.parametrize(
    ("name", "content"),
    [("evaluatie.pdf", b"not a pdf at all"), ("virus.exe", b"MZ\x90\x00"), ("leeg.docx", b"")],
)
def test_a_document_that_is_not_one_is_a_message(client, steward, theme, name, content) -> None:
    client.force_login(steward)
    upload = SimpleUploadedFile(name, content, "application/octet-stream")
    response = client.post("/kennis/praktijk/nieuw", form(theme, document=upload))
    assert response.status_code == 400
    assert not Practice.objects.exists()


def test_a_theme_lead_adds_no_question_to_another_theme_in_the_admin(client, make_user, theme):
    from koers.knowledge.models import KnowledgeQuestion
    from koers.programme.models import Theme

    other = Theme.objects.exclude(pk=theme.pk).first()
    lead = make_user("theme_lead", themes=[theme], staff=True, name="lead-staff")
    client.force_login(lead)
    url = "/beheer/knowledge/knowledgequestion/add/"
    for target, made in ((other, False), (theme, True)):
        question = f"Werkt peilverhoging in thema {target.number}?"
        fields = {"theme": target.pk, "question": question, "asked_by": "BAC", "status": "open"}
        response = client.post(url, fields)
        assert response.status_code in (200, 302, 403)
        assert KnowledgeQuestion.objects.filter(question=question).exists() is made, target


@pytest.mark.parametrize("resource", ["praktijkvoorbeelden", "kennisvragen"])
def test_an_id_past_any_integer_is_a_404_not_an_error(client, register, resource) -> None:
    assert client.get(f"/api/v1/{resource}/99999999999999999999").status_code == 404
    assert client.get(f"/api/v1/{resource}/999999999999999999").status_code == 404
