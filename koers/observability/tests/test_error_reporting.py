"""Error reporting is off unless KOERS_SENTRY_DSN is set, and never sends personal data."""

from __future__ import annotations

import gzip
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

SCRIPT = """
import os
os.environ['DJANGO_SETTINGS_MODULE'] = 'koers.settings'
import django; django.setup()
import sentry_sdk
client = sentry_sdk.get_client()
print('active', client.is_active(), 'pii', client.options.get('send_default_pii'))
if client.is_active():
    try:
        raise ValueError('koers-test-boom')
    except ValueError as exc:
        sentry_sdk.capture_exception(exc)
    sentry_sdk.flush(timeout=10)
"""


class _Collector(BaseHTTPRequestHandler):
    bodies: list[bytes] = []

    def do_POST(self) -> None:  # noqa: N802 - the http.server hook name
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        encoding = self.headers.get("Content-Encoding")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "br":  # sentry-sdk compresses with brotli when it is installed
            import brotli

            body = brotli.decompress(body)
        _Collector.bodies.append(body)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


def _run(tmp_path, **env) -> str:
    base = {"KOERS_DATA_DIR": str(tmp_path), "PATH": "/usr/bin"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=base | env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_without_a_dsn_nothing_is_reported(tmp_path):
    assert "active False" in _run(tmp_path)


def test_with_a_dsn_errors_reach_the_tracker_without_personal_data(tmp_path):
    server = HTTPServer(("127.0.0.1", 0), _Collector)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        dsn = f"http://publickey@127.0.0.1:{server.server_port}/1"
        out = _run(tmp_path, KOERS_SENTRY_DSN=dsn)
    finally:
        server.shutdown()
    assert "active True pii False" in out
    assert any(b"koers-test-boom" in body for body in _Collector.bodies)
