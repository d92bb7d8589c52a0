"""`koers serve` as an operator starts it: production-like unless --dev, clear refusals."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.processes import process_env

KOERS = [sys.executable, "-c", "from koers.cli import main; main()"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def env(tmp_path, data_copy) -> dict[str, str]:
    """A data folder `koers init` has set up (serve refuses one without data)."""
    return process_env(data_copy(tmp_path / "data"))


def run(env, *args) -> subprocess.CompletedProcess:
    return subprocess.run([*KOERS, *args], env=env, capture_output=True, text=True, timeout=60)


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:  # noqa: S310 - http only
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.fixture
def serving(env, tmp_path):
    """``serving(*args)``: start `koers serve` on a free port; stopped after the test."""
    started = []

    def start(*args) -> tuple[str, Path]:
        port = free_port()
        log = tmp_path / f"serve-{port}.log"
        process = subprocess.Popen(
            [*KOERS, "serve", "--port", str(port), "--workers", "1", *args],
            env=env, stdout=log.open("w"), stderr=subprocess.STDOUT,
        )  # fmt: skip
        started.append(process)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    return f"http://127.0.0.1:{port}", log
            assert process.poll() is None, log.read_text()
            time.sleep(0.2)
        raise AssertionError(f"koers serve did not start: {log.read_text()}")

    yield start
    for process in started:
        process.terminate()
        process.wait(timeout=30)


def test_serve_runs_without_debug_so_a_404_lists_no_url_patterns(serving):
    url, log = serving()
    status, body = get(f"{url}/bestaat-niet/")
    assert status == 404
    assert "URLconf" not in body and "werkruimte/" not in body
    assert "DEBUG" not in log.read_text()


def test_serve_dev_turns_debug_on_and_says_so(serving):
    url, log = serving("--dev")
    status, body = get(f"{url}/bestaat-niet/")
    assert status == 404 and "URLconf" in body  # the page the default must never show
    assert "DEBUG staat aan (--dev)" in log.read_text()


def test_production_without_a_secret_key_refuses_in_one_line(env):
    env["KOERS_ENV"] = "production"
    env.pop("KOERS_SECRET_KEY", None)
    result = run(env, "serve", "--port", str(free_port()))
    assert result.returncode != 0
    assert "serving on" not in result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "KOERS_SECRET_KEY" in lines[0], result.stderr


def test_dev_is_refused_in_production(env):
    env.update(KOERS_ENV="production", KOERS_SECRET_KEY="x" * 50)
    result = run(env, "serve", "--dev", "--port", str(free_port()))
    assert result.returncode != 0 and "serving on" not in result.stdout
    assert result.stderr.strip() == "koers: error: --dev cannot be used with KOERS_ENV=production"


def test_a_port_in_use_is_one_line_suggesting_another(env):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run(env, "serve", "--port", str(port))
    assert result.returncode != 0 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "--port" in lines[0] and str(port) in lines[0], result.stderr


def test_a_port_in_use_beside_a_worker_prints_that_one_line_only(env):
    """As `make run` starts them: a worker in the background, then serve on a taken port."""
    import shlex

    koers = shlex.join(KOERS)
    script = (
        f"{koers} worker & worker=$!; "
        "trap 'kill -TERM $worker 2>/dev/null; wait $worker 2>/dev/null' EXIT; "
        f"{koers} serve --port $PORT"
    )
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            ["bash", "-c", script], env={**env, "PORT": str(port)},
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    assert result.returncode != 0 and result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        f"koers: error: port {port} on 127.0.0.1 is already in use; choose another with --port"
    ]
