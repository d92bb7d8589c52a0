"""/metrics exposes request latency per view and job durations to Prometheus, not to everyone."""

from __future__ import annotations

import subprocess
import sys

from koers.observability.metrics import observe_job


def _scrape(client, **extra) -> str:
    response = client.get("/metrics", **extra)
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("text/plain")
    return response.content.decode()


def _sample(text: str, prefix: str) -> float:
    lines = [line for line in text.splitlines() if line.startswith(prefix)]
    assert lines, f"no sample {prefix} in the exposition"
    return float(lines[0].rsplit(" ", 1)[1])


def test_request_latency_is_counted_per_view_name_and_status(client, db):
    before = _scrape(client, REMOTE_ADDR="127.0.0.1")
    prefix = 'koers_http_request_duration_seconds_count{method="GET",status="200",view="health"}'
    count = _sample(before, prefix) if prefix in before else 0.0
    client.get("/gezondheid")
    client.get("/gezondheid")
    after = _scrape(client, REMOTE_ADDR="127.0.0.1")
    assert _sample(after, prefix) == count + 2
    assert 'view="unresolved"' in after or "/gezondheid" not in after  # labels are names


def test_job_durations_are_recorded_by_name_and_outcome(client, db):
    observe_job("refresh_indicators", 2.0, ok=True)
    observe_job("refresh_indicators", 0.5, ok=False)
    text = _scrape(client, REMOTE_ADDR="::1")
    ok = 'koers_job_duration_seconds_count{job="refresh_indicators",outcome="ok"}'
    failed = 'koers_job_duration_seconds_count{job="refresh_indicators",outcome="failed"}'
    assert _sample(text, ok) >= 1 and _sample(text, failed) >= 1


def test_without_a_token_only_direct_local_requests_may_scrape(client, db):
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.5").status_code == 403
    via_proxy = client.get("/metrics", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert via_proxy.status_code == 403


def test_with_a_token_the_scraper_must_send_it(client, db, monkeypatch):
    monkeypatch.setenv("KOERS_METRICS_TOKEN", "s3cret-scrape")
    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 403
    wrong = client.get("/metrics", HTTP_AUTHORIZATION="Bearer nope", REMOTE_ADDR="10.0.0.2")
    assert wrong.status_code == 403
    _scrape(client, HTTP_AUTHORIZATION="Bearer s3cret-scrape", REMOTE_ADDR="10.0.0.2")


MULTIPROCESS = """
import os, sys
os.environ['DJANGO_SETTINGS_MODULE'] = 'koers.settings'
import django; django.setup()
from koers.observability.metrics import observe_job, exposition
observe_job('build_open_data', 1.0, ok=True)
if sys.argv[1] == 'scrape':
    sys.stdout.write(exposition().decode())
"""


def test_several_processes_add_up_in_multiprocess_mode(tmp_path):
    """Two gunicorn workers (or a worker and the web) share PROMETHEUS_MULTIPROC_DIR."""
    shared = tmp_path / "metrics"
    shared.mkdir()
    env = {
        "PROMETHEUS_MULTIPROC_DIR": str(shared),
        "KOERS_DATA_DIR": str(tmp_path / "data"),
        "PATH": "/usr/bin",
    }
    run = [sys.executable, "-c", MULTIPROCESS]
    subprocess.run([*run, "observe"], env=env, check=True, capture_output=True, timeout=60)
    result = subprocess.run(
        [*run, "scrape"], env=env, check=True, capture_output=True, text=True, timeout=60
    )
    count = 'koers_job_duration_seconds_count{job="build_open_data",outcome="ok"}'
    assert _sample(result.stdout, count) == 2.0
