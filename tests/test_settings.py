"""Settings are declared once, documented, and read only through koers.config."""

import re
import subprocess
import sys
from pathlib import Path

from koers.config import SETTINGS

REPO = Path(__file__).resolve().parents[1]


def test_every_setting_is_documented():
    documented = (REPO / "docs" / "settings.md").read_text()
    missing = [s.name for s in SETTINGS if f"`{s.name}`" not in documented]
    assert missing == []


def test_every_setting_has_help_text():
    assert all(len(setting.help) > 20 for setting in SETTINGS)


def test_nothing_else_reads_the_environment():
    offenders = []
    for path in (REPO / "koers").rglob("*.py"):
        if path.name == "config.py" or "tests" in path.parts:
            continue
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if re.search(r"os\.environ|os\.getenv", line) and "DJANGO_SETTINGS_MODULE" not in line:
                offenders.append(f"{path.relative_to(REPO)}:{number}")
    assert offenders == []


def _settings_in_subprocess(env: dict) -> subprocess.CompletedProcess:
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='koers.settings';"
        "from django.conf import settings; print(settings.DEBUG, settings.SESSION_COOKIE_SECURE)"
    )
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)


def test_production_requires_a_secret_key(tmp_path):
    result = _settings_in_subprocess({"KOERS_ENV": "production", "KOERS_DATA_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert "KOERS_SECRET_KEY is required" in result.stderr


def test_production_turns_debug_off_and_secures_cookies(tmp_path):
    env = {
        "KOERS_ENV": "production",
        "KOERS_DEBUG": "true",
        "KOERS_SECRET_KEY": "x" * 50,
        "KOERS_DATA_DIR": str(tmp_path),
    }
    result = _settings_in_subprocess(env)
    assert result.stdout.split() == ["False", "True"], result.stderr


def test_koers_finds_the_checkouts_data_folder_from_any_working_folder(tmp_path, monkeypatch):
    from koers.config import data_dir

    monkeypatch.delenv("KOERS_DATA_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    assert data_dir() == REPO / "var"
    assert not (tmp_path / "var").exists()
