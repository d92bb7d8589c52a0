"""The ODS-shaped API validates against the ODS 2.0 schemas; visitors see published items only."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jsonschema
import pytest
import yaml
from django.core.files.uploadedfile import SimpleUploadedFile
from referencing import Registry, Resource

from koers.meetings import agenda, positions
from koers.programme.models import Goal

pytestmark = pytest.mark.django_db

ODS = (
    Path(__file__).resolve().parents[3]
    / ".."
    / "shared"
    / "standards"
    / "ods-open-raads-en-stateninformatie-2.0.0-beta.3.openapi.yaml"
).resolve()
ROOT = "urn:ods"


def _strip_external(node):
    """Drop $refs to the internet (only in responses/headers, never in the schemas we use)."""
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str) and not node["$ref"].startswith("#"):
            return {}
        return {key: _strip_external(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_strip_external(value) for value in node]
    return node


@cache
def ods_validator(schema_name: str) -> jsonschema.Validator:
    document = _strip_external(yaml.safe_load(ODS.read_text(encoding="utf-8")))
    registry = Registry().with_resource(ROOT, Resource.opaque(document))
    schema = {"$ref": f"{ROOT}#/components/schemas/{schema_name}"}
    return jsonschema.Draft202012Validator(
        schema, registry=registry, format_checker=jsonschema.FormatChecker()
    )


def assert_ods(item: dict, schema_name: str) -> None:
    errors = sorted(ods_validator(schema_name).iter_errors(item), key=str)
    assert errors == [], [f"{list(e.path)}: {e.message}" for e in errors]


@pytest.fixture
def published(held_meeting, lead, pdf):
    punt = held_meeting.agendapunten.get()
    punt.doelen.add(Goal.objects.filter(theme=held_meeting.gremium.thema).first())
    agenda.add_agenda_item(lead, held_meeting, titel="Hamerstuk: verslag", soort="hamerstuk")
    upload = SimpleUploadedFile("voorstel.pdf", pdf.read_bytes())
    agenda.attach_document(
        lead, punt, upload, titel="Voorstel", openbaar=True, informatieobjecttype="voorstel"
    )
    secret = SimpleUploadedFile("geheim.pdf", pdf.read_bytes() + b"\n% geheim")
    agenda.attach_document(
        lead, punt, secret, titel="Geheim", openbaar=False, informatieobjecttype="voorstel"
    )
    agenda.record_decision(lead, punt, resultaat="aangenomen", tekst="Akkoord. " * 40)
    agenda.publish_meeting(lead, held_meeting)
    return held_meeting


@pytest.mark.parametrize(
    ("resource", "schema_name"),
    [
        ("vergaderingen", "Vergadering"),
        ("agendapunten", "Agendapunt"),
        ("besluiten", "Besluit"),
        ("informatieobjecten", "InformatieObject"),
    ],
)
def test_every_item_validates_against_its_ods_schema(client, published, resource, schema_name):
    listing = client.get(f"/api/v1/{resource}").json()
    assert listing["resultaten"], resource
    for item in listing["resultaten"]:
        assert_ods(item, schema_name)
        assert client.get(item["url"]).json() == item


def test_the_validator_can_fail(client, published):
    item = client.get("/api/v1/vergaderingen").json()["resultaten"][0]
    with pytest.raises(AssertionError):
        assert_ods({**item, "status": "afgelast"}, "Vergadering")
    with pytest.raises(AssertionError):
        assert_ods({key: v for key, v in item.items() if key != "vergaderingstype"}, "Vergadering")


def test_a_meeting_links_its_agenda_and_a_decision_its_item(client, published):
    meeting = client.get(f"/api/v1/vergaderingen/{published.pk}").json()
    assert meeting["vergaderingstype"] == "commissievergadering"
    assert meeting["georganiseerdDoorGremium"]["gremiumidentificatie"] == published.gremium.code
    items = [client.get(url).json() for url in meeting["agendapunten"]]
    assert [i["agendapuntTitel"] for i in items] == ["Stikstofaanpak", "Hamerstuk: verslag"]
    assert [i["indicatieHamerstuk"] for i in items] == [False, True]
    decision = client.get(items[0]["besluit"]["url"]).json()
    assert decision["besluitresultaat"] == "aangenomen"
    assert len(decision["besluittoelichting"]) == 200 and decision["besluittekst"].startswith(
        "Akkoord"
    )


def test_visitors_see_neither_unpublished_meetings_nor_documents(client, published, lead, bac):
    import datetime

    hidden = agenda.plan_meeting(lead, bac, datum=datetime.date.today())
    assert client.get(f"/api/v1/vergaderingen/{hidden.pk}").status_code == 404
    documents = client.get("/api/v1/informatieobjecten").json()["resultaten"]
    assert [d["titel"] for d in documents] == ["Voorstel"]
    item = client.get(f"/api/v1/agendapunten/{published.agendapunten.first().pk}").json()
    assert len(item["informatieobjecten"]) == 1
    client.force_login(lead)
    assert client.get(f"/api/v1/vergaderingen/{hidden.pk}").status_code == 200
    assert len(client.get("/api/v1/informatieobjecten").json()["resultaten"]) == 2


def test_positions_show_their_versions_and_hide_drafts_from_visitors(client, published, lead):
    besluit = published.agendapunten.first().besluit
    goal = Goal.objects.filter(theme=published.gremium.thema).first()
    fields = {"tekst": "t", "arena": "brussel", "geadresseerden": "Europese Commissie"}
    first = positions.new_version(
        lead,
        None,
        titel="Vastgesteld",
        status="vastgesteld",
        besluit=besluit,
        doelen=[goal],
        **fields,
    )
    positions.new_version(lead, first.standpunt, titel="Concept", **fields)
    public = client.get(f"/api/v1/standpunten/{first.standpunt_id}").json()
    assert public["huidigeVersie"]["titel"] == "Vastgesteld"
    assert [v["versie"] for v in public["versies"]] == [1]
    assert public["huidigeVersie"]["besluit"]["id"] == str(besluit.pk)
    client.force_login(lead)
    inside = client.get(f"/api/v1/standpunten/{first.standpunt_id}").json()
    assert [v["versie"] for v in inside["versies"]] == [2, 1]
