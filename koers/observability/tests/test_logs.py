"""Logs are configured in one place: JSON lines in production, readable lines in development."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from koers.observability.tests.conftest import events

SCRIPT = """
import logging, os
os.environ['DJANGO_SETTINGS_MODULE'] = 'koers.settings'
import django; django.setup()
import structlog
logging.getLogger('koers.jobs').info('job_finished', extra={'job': 'refresh', 'seconds': 1.5})
structlog.get_logger('koers.deliveries').info('publication', delivery=7)
logging.getLogger('django.request').error('boom')
"""


def _run(tmp_path, **env) -> list[str]:
    base = {"KOERS_DATA_DIR": str(tmp_path), "KOERS_SECRET_KEY": "k" * 50, "PATH": "/usr/bin"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=base | env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return [line for line in result.stderr.splitlines() if line.strip()]


def test_production_writes_one_json_object_per_line_from_every_source(tmp_path):
    lines = [json.loads(line) for line in _run(tmp_path, KOERS_ENV="production")]
    by_event = {line["event"]: line for line in lines}
    job = by_event["job_finished"]
    assert (job["logger"], job["level"], job["job"], job["seconds"]) == (
        "koers.jobs",
        "info",
        "refresh",
        1.5,
    )
    assert by_event["publication"]["delivery"] == 7
    assert by_event["boom"]["logger"] == "django.request"
    assert all("timestamp" in line for line in lines)


def test_development_writes_readable_lines(tmp_path):
    lines = _run(tmp_path, KOERS_ENV="development")
    job = next(line for line in lines if "job_finished" in line)
    assert "[koers.jobs]" in job and "job=refresh" in job
    with pytest.raises(json.JSONDecodeError):
        json.loads(job)


def test_an_unknown_log_format_stops_the_start(tmp_path):
    env = {"KOERS_DATA_DIR": str(tmp_path), "KOERS_LOG_FORMAT": "xml", "PATH": "/usr/bin"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0
    assert "log format must be json or console" in result.stderr


def test_a_failed_login_is_logged_with_user_name_and_address_but_no_password(
    client, register, koers_records
):
    client.post(
        "/inloggen",
        {"username": "mallory", "password": "hunter2-secret"},
        REMOTE_ADDR="203.0.113.9",
    )
    failed = [e for e in events(koers_records) if e["event"] == "login_failed"]
    assert [(e["username"], e["ip"], e["level"]) for e in failed] == [
        ("mallory", "203.0.113.9", "warning")
    ]
    assert "hunter2-secret" not in koers_records.text
    assert all("hunter2-secret" not in repr(r.msg) for r in koers_records.records)
