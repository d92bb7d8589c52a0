"""API tokens: stored hashed, scoped (read, deliver, one province), expiring, never approving."""

from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from django.db import connection
from django.utils import timezone

from koers.accounts.models import ApiToken
from koers.accounts.tokens import issue_token
from koers.deliveries.models import Delivery


def _upload(client, path, **fields):
    with open(path, "rb") as handle:
        return client.post(
            "/api/v1/aanleveringen",
            {"bestand": handle, "mapping": "cbs-70960ned", **fields},
            format="multipart",
        )


def _step(client, delivery_id, status):
    return client.post(
        f"/api/v1/aanleveringen/{delivery_id}/status", {"status": status}, format="json"
    )


def _problem(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["code"] == code and body["detail"]
    return body


def test_the_database_holds_a_hash_never_the_token(register, make_user):
    user = make_user("analyst")
    row, text = issue_token(user.username, scope="deliver")
    assert text.startswith("koers_") and len(text) > 60
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM accounts_apitoken")
        stored = [str(value) for value in cursor.fetchone()]
    assert not any(text in value for value in stored)
    assert row.token_key == text[:15] and len(row.digest) == 128


def test_a_read_token_reads_but_cannot_deliver(catalogue, make_user, token_client, gelderland_file):
    client = token_client(make_user("province_steward", province="PV25"), scope="read")
    assert client.get("/api/v1/aanleveringen").status_code == 200
    body = _problem(_upload(client, gelderland_file, provincie="PV25"), 403, "token_scope")
    assert "read" in body["detail"]
    assert not Delivery.objects.exists()


def test_a_token_for_pv25_cannot_deliver_for_pv24(
    catalogue, make_user, token_client, gelderland_file
):
    client = token_client(make_user("analyst"), province="PV25")
    body = _problem(_upload(client, gelderland_file, provincie="PV24"), 403, "token_scope")
    assert "PV25" in body["detail"] and "PV24" in body["detail"]
    _problem(_upload(client, gelderland_file), 403, "token_scope")  # nor a national file
    assert not Delivery.objects.exists()
    assert _upload(client, gelderland_file, provincie="PV25").status_code == 202


def test_an_expired_token_is_a_401_problem_and_stays_listed(register, make_user, api):
    row, text = issue_token(make_user("analyst").username, scope="deliver")
    ApiToken.objects.filter(pk=row.pk).update(expiry=timezone.now() - timedelta(minutes=1))
    api.credentials(HTTP_AUTHORIZATION=f"Token {text}")
    response = api.get("/api/v1/aanleveringen")
    body = _problem(response, 401, "token_expired")
    assert "verlopen" in body["detail"] and response["WWW-Authenticate"] == "Token"
    assert ApiToken.objects.filter(pk=row.pk).exists()


def test_a_revoked_token_is_refused(register, make_user, api):
    from koers.accounts.tokens import revoke_token

    row, text = issue_token(make_user("analyst").username, scope="deliver")
    revoke_token(row.token_key)
    api.credentials(HTTP_AUTHORIZATION=f"Token {text}")
    _problem(api.get("/api/v1/aanleveringen"), 401, "authentication_failed")


@pytest.mark.parametrize(
    ("role", "start", "step"),
    [
        ("analyst", "submitted", "approved"),
        ("province_steward", "submitted", "approved"),
        ("programme_office", "approved", "published"),
        ("analyst", "approved", "published"),
        ("programme_office", "approved", "withdrawn"),
    ],
)
def test_no_token_approves_publishes_or_withdraws_but_a_person_may(
    catalogue, gelderland_file, make_user, token_client, session_client, role, start, step
):
    from koers.deliveries.ingest.shipped import MAPPINGS_DIR
    from koers.deliveries.storing import receive
    from koers.deliveries.workflow import record

    uploader = make_user("province_steward", province="PV25", name="uploader")
    delivery = receive(
        gelderland_file,
        mapping_path=MAPPINGS_DIR / "cbs-70960ned.yaml",
        province="PV25",
        user=uploader,
    )
    for status in ("submitted", "approved")[: ("submitted", "approved").index(start) + 1]:
        record(delivery, status)
    person = make_user(role, province="PV25" if role == "province_steward" else None)

    body = _problem(_step(token_client(person), delivery.pk, step), 403, "token_scope")
    assert "persoon" in body["detail"]
    delivery.refresh_from_db()
    assert delivery.status == start

    assert _step(session_client(person), delivery.pk, step).status_code == 200


def test_a_token_delivers_and_submits(catalogue, make_user, token_client, gelderland_file):
    client = token_client(make_user("province_steward", province="PV25"), province="PV25")
    created = _upload(client, gelderland_file, provincie="PV25")
    assert created.status_code == 202
    assert _step(client, created.json()["id"], "submitted").status_code == 200


def test_changes_through_a_token_name_its_user_and_token_in_the_audit_log(
    catalogue, make_user, token_client, gelderland_file
):
    steward = make_user("province_steward", province="PV25")
    client = token_client(steward)
    delivery = _upload(client, gelderland_file, provincie="PV25").json()
    _step(client, delivery["id"], "submitted")
    entries = LogEntry.objects.get_for_object(Delivery.objects.get(pk=delivery["id"]))
    assert entries.count() >= 2
    for entry in entries:
        assert entry.actor == steward
        assert entry.additional_data == {"kanaal": "api-token", "token": client.token.token_key}


@pytest.mark.django_db(transaction=True)  # the migration edits the schema, as on upgrade
def test_old_plain_text_tokens_are_hashed_and_keep_working(register, make_user, api):
    """Upgrading from rest_framework.authtoken: the migration hashes and drops the table."""
    from importlib import import_module

    from django.apps import apps

    user = make_user("province_steward", province="PV25")
    old_key = "0123456789abcdef0123456789abcdef01234567"
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE authtoken_token (key varchar(40) PRIMARY KEY, "
            "created timestamp NULL, user_id integer NOT NULL)"
        )
        cursor.execute("INSERT INTO authtoken_token VALUES (%s, NULL, %s)", [old_key, user.pk])
    migration = import_module("koers.accounts.migrations.0003_hash_old_plaintext_tokens")
    with connection.schema_editor() as editor:
        migration.hash_old_tokens(apps, editor)

    assert "authtoken_token" not in connection.introspection.table_names()
    token = ApiToken.objects.get(user=user)
    assert token.scope == "deliver" and token.expiry > timezone.now() + timedelta(days=89)
    assert old_key not in token.digest
    api.credentials(HTTP_AUTHORIZATION=f"Token {old_key}")
    assert api.get("/api/v1/aanleveringen").status_code == 200
