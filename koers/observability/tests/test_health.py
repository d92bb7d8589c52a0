"""/gezondheid answers whether the database, the store and the job queue work."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def test_a_healthy_instance_answers_200_with_every_check(client, db):
    response = client.get("/gezondheid")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "store", "jobs"}
    assert all(check["ok"] for check in body["checks"].values())
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_health_has_an_english_alias(client, db):
    assert client.get("/health").json()["status"] == "ok"


def test_a_store_that_cannot_be_written_fails_with_503_and_names_only_that_check(
    client, db, tmp_path, monkeypatch
):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the data folder should be")
    monkeypatch.setenv("KOERS_DATA_DIR", str(blocked))
    response = client.get("/gezondheid")
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["store"]["ok"] is False
    assert checks["database"]["ok"] is True
    assert str(tmp_path) not in response.content.decode()  # no paths leak


UNREACHABLE_DATABASE = """
import os, json
os.environ['DJANGO_SETTINGS_MODULE'] = 'koers.settings'
import django; django.setup()
from django.test import Client
response = Client().get('/gezondheid')
print(response.status_code, response.content.decode())
"""


def test_an_unreachable_database_fails_the_database_check_without_leaking_its_url(tmp_path):
    env = {
        "KOERS_DATA_DIR": str(tmp_path),
        "KOERS_DATABASE_URL": "postgres://koers:hunter2@127.0.0.1:9/koers",
        "KOERS_ALLOWED_HOSTS": "testserver",
        "PATH": "/usr/bin",
    }
    result = subprocess.run(
        [sys.executable, "-c", UNREACHABLE_DATABASE],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    status, body = result.stdout.split(" ", 1)
    checks = json.loads(body)["checks"]
    assert status == "503"
    assert checks["database"]["ok"] is False
    assert checks["store"]["ok"] is True
    assert "hunter2" not in body and "9/koers" not in body


@pytest.mark.django_db
def test_the_job_queue_reports_the_age_of_the_oldest_waiting_job(client, settings):
    from django.apps import apps

    if not apps.is_installed("django_tasks_db"):
        assert client.get("/gezondheid").json()["checks"]["jobs"]["detail"] == "not configured"
        return
    from datetime import timedelta

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from koers.observability.tests.tasks import noop

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    result = noop.enqueue()
    DBTaskResult.objects.filter(id=result.id).update(
        enqueued_at=timezone.now() - timedelta(hours=2)
    )
    response = client.get("/gezondheid")
    jobs = response.json()["checks"]["jobs"]
    assert response.status_code == 503
    assert jobs["ok"] is False and jobs["oldest_waiting_job_seconds"] > 7000
