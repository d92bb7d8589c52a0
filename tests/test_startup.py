"""`koers` run from another folder finds the same data, or refuses in one line before it
creates anything (issue 13: it used to make a fresh ./var and fail with "no such table")."""

from __future__ import annotations

import socket
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.processes import KOERS, process_env


def run(env: dict, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*KOERS, *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=120
    )


def refused_in_one_line(result: subprocess.CompletedProcess, folder: Path) -> str:
    assert result.returncode == 1, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert str(folder) in lines[0] and "koers init" in lines[0]
    return lines[0]


@pytest.fixture
def elsewhere(tmp_path) -> Path:
    folder = tmp_path / "elders"
    folder.mkdir()
    return folder


@pytest.mark.parametrize(
    "args",
    [
        ("query", "--indicator", "wind_vermogen"),
        ("areas", "list"),
        ("worker", "--batch"),
        ("serve", "--port", "0"),
    ],
)
def test_a_command_without_data_refuses_in_one_line_and_creates_nothing(elsewhere, args):
    env = process_env(Path("var"))  # relative, as the default of an installed package
    line = refused_in_one_line(run(env, elsewhere, *args), elsewhere / "var")
    assert "KOERS_DATA_DIR" in line
    assert list(elsewhere.iterdir()) == []  # no fresh ./var left behind


def test_a_database_file_without_tables_is_no_data(elsewhere):
    data = elsewhere / "var"
    data.mkdir()
    sqlite3.connect(data / "koers.sqlite3").close()  # what an earlier failed start left
    refused_in_one_line(run(process_env(data), elsewhere, "areas", "list"), data)


def test_from_another_folder_the_same_data_is_found(tmp_path, elsewhere, data_copy):
    data = data_copy(tmp_path / "data")
    result = run(process_env(data), elsewhere, "areas", "list")
    assert result.returncode == 0, result.stderr
    assert "PV21" in result.stdout and list(elsewhere.iterdir()) == []


def test_the_default_data_folder_of_a_checkout_does_not_depend_on_the_working_folder(
    monkeypatch, elsewhere
):
    from koers.config import data_dir_path

    monkeypatch.delenv("KOERS_DATA_DIR", raising=False)
    monkeypatch.chdir(elsewhere)
    assert data_dir_path() == Path(__file__).resolve().parents[1] / "var"


def test_init_needs_no_data_and_makes_it(elsewhere):
    env = process_env(Path("var"))
    assert run(env, elsewhere, "init").returncode == 0
    assert run(env, elsewhere, "areas", "list").returncode == 0


def test_an_unreachable_database_is_one_line(elsewhere):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {
        **process_env(elsewhere / "var"),
        "KOERS_DATABASE_URL": f"postgres://k@127.0.0.1:{port}/k",
    }
    result = run(env, elsewhere, "areas", "list")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot reach the database in KOERS_DATABASE_URL" in lines[0]
