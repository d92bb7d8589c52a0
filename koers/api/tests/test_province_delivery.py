"""A province system delivers through the API: token, upload, report, submit and approve."""

import pytest

from koers.deliveries.ingest.shipped import MAPPINGS_DIR
from koers.deliveries.models import Delivery, Observation, StoredFile


def _upload(client, path, **fields):
    with open(path, "rb") as handle:
        return client.post(
            "/api/v1/aanleveringen", {"bestand": handle, **fields}, format="multipart"
        )


def _step(client, delivery_id, status):
    return client.post(
        f"/api/v1/aanleveringen/{delivery_id}/status", {"status": status}, format="json"
    )


def test_gelderland_delivers_reads_the_report_and_moves_its_delivery_on(
    catalogue,
    make_user,
    token_client,
    session_client,
    gelderland_file,
    django_capture_on_commit_callbacks,
):
    gelderland = token_client(make_user("province_steward", province="PV25"))

    created = _upload(gelderland, gelderland_file, provincie="PV25", mapping="cbs-70960ned")
    assert created.status_code == 202, created.content[:500]
    delivery = created.json()
    assert created["Location"] == delivery["_links"]["self"]["href"]
    assert delivery["status"] == "validated" and delivery["fouten"] == []
    assert delivery["provincie"] == "PV25" and delivery["kanaal"] == "api"
    assert delivery["bestand"]["naam"] == gelderland_file.name
    assert delivery["waarnemingenNieuw"] == Observation.objects.count() > 0
    assert delivery["toegestaneStatussen"] == ["submitted"]  # a token never withdraws

    report = gelderland.get(delivery["_links"]["self"]["href"]).json()
    assert report["rijen"] == len(gelderland_file.read_text().splitlines()) - 1
    assert [s["naar"] for s in report["overgangen"]] == ["validated"]

    assert _step(gelderland, delivery["id"], "submitted").json()["status"] == "submitted"
    refused = _step(gelderland, delivery["id"], "approved")  # a token never approves
    assert refused.status_code == 403 and refused["Content-Type"] == "application/problem+json"
    assert refused.json()["code"] == "token_scope"

    colleague = session_client(make_user("province_steward", province="PV25", name="gld-2"))
    approved = _step(colleague, delivery["id"], "approved").json()
    assert approved["status"] == "approved" and approved["toegestaneStatussen"] == ["withdrawn"]
    refused = _step(colleague, delivery["id"], "published")
    assert refused.status_code == 403 and refused["Content-Type"] == "application/problem+json"

    office = session_client(make_user("programme_office"))
    with django_capture_on_commit_callbacks(execute=True):
        assert _step(office, delivery["id"], "published").json()["status"] == "published"
    steps = gelderland.get(f"/api/v1/aanleveringen/{delivery['id']}").json()["overgangen"]
    assert [(s["naar"], s["door"]) for s in steps][1:] == [
        ("submitted", "province_steward-PV25-0"),
        ("approved", "gld-2"),
        ("published", "programme_office--0"),
    ]


def test_a_broken_file_is_kept_with_a_report_naming_row_column_and_rule(
    catalogue, make_user, token_client, gelderland_file, tmp_path
):
    lines = gelderland_file.read_text(encoding="utf-8").splitlines(keepends=True)
    header = lines[0].rstrip("\n").split(",")
    cells = lines[5].rstrip("\n").split(",")
    cells[header.index("OpgesteldVermogenEindeJaar_9")] = "veel"
    lines[5] = ",".join(cells) + "\n"
    broken = tmp_path / "gelderland-fout.csv"
    broken.write_text("".join(lines), encoding="utf-8")

    client = token_client(make_user("province_steward", province="PV25"))
    response = _upload(client, broken, provincie="PV25", mapping="cbs-70960ned")

    assert response.status_code == 202
    delivery = response.json()
    assert delivery["status"] == "rejected" and delivery["waarnemingenNieuw"] == 0
    error = delivery["fouten"][0]
    assert (error["bestand"], error["rij"], error["kolom"]) == (
        "gelderland-fout.csv",
        6,
        "OpgesteldVermogenEindeJaar_9",
    )
    assert error["regel"] == "wrong_type" and "veel" in error["melding"]
    assert error["melding"].startswith("Rij 6") and error["meldingEn"].startswith("Row 6")
    assert error["waarde"] == "veel"
    assert delivery["toegestaneStatussen"] == [] and not Observation.objects.exists()


def test_an_uploaded_mapping_file_reads_the_delivery(
    catalogue, make_user, token_client, gelderland_file
):
    client = token_client(make_user("analyst"))
    with open(MAPPINGS_DIR / "cbs-70960ned.yaml", "rb") as mapping:
        response = _upload(client, gelderland_file, provincie="PV25", mappingBestand=mapping)
    assert response.status_code == 202 and response.json()["status"] == "validated"
    assert response.json()["mapping"] == "cbs-70960ned.yaml"


def test_a_file_nothing_can_read_is_a_400_problem_and_stores_nothing(
    catalogue, make_user, token_client, tmp_path
):
    unknown = tmp_path / "iets.csv"
    unknown.write_text("a,b\n1,2\n", encoding="utf-8")
    response = _upload(token_client(make_user("analyst")), unknown)
    assert response.status_code == 400 and response.json()["code"] == "no_mapping"
    bad = _upload(token_client(make_user("analyst", name="a2")), unknown, provincie="PV77")
    assert [p["name"] for p in bad.json()["invalidParams"]] == ["provincie"]
    assert not Observation.objects.exists()


def test_a_steward_of_utrecht_cannot_deliver_for_gelderland_and_nothing_changes(
    catalogue, make_user, token_client, gelderland_file
):
    utrecht = token_client(make_user("province_steward", province="PV26"))
    response = _upload(utrecht, gelderland_file, provincie="PV25", mapping="cbs-70960ned")
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "permission_denied"
    assert not Delivery.objects.exists() and not StoredFile.objects.exists()
    assert not Observation.objects.exists()


@pytest.fixture
def gelderland_delivery(catalogue, gelderland_file, make_user):
    from koers.deliveries.storing import receive

    steward = make_user("province_steward", province="PV25", name="gelderland")
    mapping = MAPPINGS_DIR / "cbs-70960ned.yaml"
    return receive(gelderland_file, mapping_path=mapping, province="PV25", user=steward)


WHO = {
    "steward PV25": ("province_steward", "PV25"),
    "steward PV26": ("province_steward", "PV26"),
    "analyst": ("analyst", None),
    "office": ("programme_office", None),
    "theme lead": ("theme_lead", None),
    "reader": ("reader", None),
}


@pytest.mark.parametrize(
    ("who", "start", "step", "expected"),
    [
        ("steward PV25", "validated", "submitted", 200),
        ("steward PV26", "validated", "submitted", 403),
        ("anonymous", "validated", "submitted", 401),
        ("steward PV25", "submitted", "approved", 200),
        ("steward PV26", "submitted", "approved", 403),
        ("analyst", "submitted", "approved", 200),
        ("theme lead", "submitted", "approved", 403),
        ("steward PV25", "approved", "published", 403),
        ("office", "approved", "published", 200),
        ("steward PV25", "approved", "withdrawn", 200),
        ("office", "validated", "published", 409),
    ],
)
def test_who_may_move_a_gelderland_delivery(
    gelderland_delivery, make_user, session_client, api, who, start, step, expected
):
    from koers.deliveries.workflow import record

    for status in ("submitted", "approved")[: ("validated", "submitted", "approved").index(start)]:
        record(gelderland_delivery, status)
    if who == "anonymous":
        client = api
    else:
        role, province = WHO[who]
        client = session_client(make_user(role, province=province, name=who.replace(" ", "-")))
    response = _step(client, gelderland_delivery.pk, step)
    assert response.status_code == expected, response.content[:300]
    gelderland_delivery.refresh_from_db()
    assert gelderland_delivery.status == (step if expected == 200 else start)


@pytest.mark.parametrize(
    ("who", "expected"),
    [("steward PV25", 202), ("analyst", 202), ("steward PV26", 403), ("office", 403),
     ("reader", 403), ("anonymous", 401)],
)  # fmt: skip
def test_who_may_upload_for_gelderland(
    catalogue, make_user, token_client, api, gelderland_file, who, expected
):
    if who == "anonymous":
        client = api
    else:
        role, province = WHO[who]
        client = token_client(make_user(role, province=province, name=who.replace(" ", "-")))
    response = _upload(client, gelderland_file, provincie="PV25", mapping="cbs-70960ned")
    assert response.status_code == expected, response.content[:300]
    assert Delivery.objects.count() == (1 if expected == 202 else 0)


def test_stewards_see_only_their_own_provinces_deliveries(
    gelderland_delivery, make_user, token_client
):
    utrecht = token_client(make_user("province_steward", province="PV26"))
    assert utrecht.get("/api/v1/aanleveringen").json()["totaal"] == 0
    assert utrecht.get(f"/api/v1/aanleveringen/{gelderland_delivery.pk}").status_code == 403
    hidden = utrecht.get(f"/api/v1/waarnemingen?aanlevering={gelderland_delivery.pk}").json()
    assert hidden["totaal"] == 0

    gelderland = token_client(make_user("province_steward", province="PV25", name="gld-2"))
    listed = gelderland.get("/api/v1/aanleveringen?status=validated").json()
    assert [d["id"] for d in listed["resultaten"]] == [gelderland_delivery.pk]
    own = gelderland.get(f"/api/v1/waarnemingen?aanlevering={gelderland_delivery.pk}").json()
    assert own["totaal"] == gelderland_delivery.observations_created


def test_a_steward_is_told_to_name_the_province(
    catalogue, make_user, token_client, gelderland_file
):
    client = token_client(make_user("province_steward", province="PV25"))
    response = _upload(client, gelderland_file, mapping="cbs-70960ned")
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalidParams"]] == ["provincie"]
    assert not Delivery.objects.exists()
