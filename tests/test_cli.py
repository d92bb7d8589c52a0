"""The `koers` command as a user runs it: a real process, real database, real files."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "bestuursprogramma-ipo-2023-2027.txt"
KOERS = [sys.executable, "-c", "from koers.cli import main; main()"]


@pytest.fixture
def koers(tmp_path):
    env = {**os.environ, "KOERS_DATA_DIR": str(tmp_path / "data")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    if "KOERS_DATABASE_URL" in env:  # keep PostgreSQL runs isolated from the test database
        env.pop("KOERS_DATABASE_URL")

    def run(*args, check=True):
        result = subprocess.run(
            [*KOERS, *args], env=env, capture_output=True, text=True, cwd=tmp_path
        )
        if check:
            assert result.returncode == 0, result.stderr
        return result

    return run


def test_help_explains_every_command(koers):
    top = koers("--help").stdout
    for command in ("serve", "init", "programme", "areas"):
        assert command in top
    for args in (
        ["serve"],
        ["init"],
        ["programme", "show"],
        ["programme", "import"],
        ["areas", "list"],
        ["areas", "import-boundaries"],
    ):
        text = koers(*args, "--help").stdout
        assert "Usage: koers" in text and len(text.splitlines()) > 3, args


def test_init_twice_changes_nothing(koers):
    first = koers("init").stdout
    second = koers("init").stdout
    assert "programme loaded (0 changes)" not in first
    assert "programme loaded (0 changes)" in second
    assert "areas loaded (0 changes)" in second
    assert "indicator catalogue loaded (0 changes)" in second


def test_import_gives_35_goals_with_clean_texts(koers):
    koers("init")
    koers("programme", "import", str(SEED))
    data = json.loads(koers("programme", "show", "--format", "json").stdout)
    goals = [goal for theme in data["themes"] for goal in theme["goals"]]
    assert len(data["themes"]) == 8 and len(goals) == 35
    for goal in goals:
        assert goal["text"] and "  " not in goal["text"] and "\t" not in goal["text"]
    again = koers("programme", "import", str(SEED)).stdout
    assert "no changes" in again


def test_areas_list_gives_the_country_provinces_and_unallocated(koers):
    koers("init")
    rows = json.loads(koers("areas", "list", "--format", "json").stdout)
    codes = {row["code"]: row for row in rows}
    assert set(codes) == {"NL01", "PV99", *(f"PV{n}" for n in range(20, 32))}
    assert codes["PV21"]["name"] == "Fryslân" and codes["PV21"]["nuts2"] == "NL12"


def test_errors_are_one_line_without_traceback(koers, tmp_path):
    koers("init")
    bad = tmp_path / "bad.txt"
    bad.write_text("dit is geen bestuursprogramma\n")
    result = koers("programme", "import", str(bad), check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        result.stderr.startswith("koers: error:") and len(result.stderr.strip().splitlines()) == 1
    )
    missing = koers("programme", "import", "/nonexistent.txt", check=False)
    assert missing.returncode != 0 and "Traceback" not in missing.stderr


def test_the_committed_cli_reference_matches_the_help():
    # In a fresh process, as it is regenerated: click caches each command's help option
    # the first time a context asks, so commands run earlier in this process change it.
    fresh = subprocess.run(
        [sys.executable, "-m", "koers.cli.reference"], capture_output=True, text=True, cwd=REPO
    )
    assert fresh.returncode == 0, fresh.stderr
    committed = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert committed == fresh.stdout, "run: python -m koers.cli.reference > docs/cli.md"
