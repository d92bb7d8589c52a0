"""Fixtures for the jobs tests: the real queue, a province's file, and a worker process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

MAPPINGS = Path(__file__).resolve().parents[2] / "deliveries" / "mappings"
WIND = "70960ned_windenergie_op_land.csv"
DATABASE_JOBS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def database_jobs(settings):
    """Jobs wait in the database queue for a worker, as in production."""
    settings.TASKS = DATABASE_JOBS


@pytest.fixture
def catalogue(register):
    from koers.indicators.catalogue import load_catalogue

    load_catalogue()


@pytest.fixture
def wind_mapping() -> Path:
    return MAPPINGS / "cbs-70960ned.yaml"


@pytest.fixture
def province_wind(shared_data, tmp_path):
    """The real CBS wind file cut to one province; ``capacity`` replaces its 2020 capacity."""
    source = shared_data / "cbs" / WIND
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    header = lines[0].rstrip("\n").split(",")
    column = header.index("OpgesteldVermogenEindeJaar_9")

    def write(province: str = "PV25", capacity: float | None = None) -> Path:
        rows = [lines[0]]
        for line in lines[1:]:
            if f",{province}," not in line:
                continue
            if capacity is not None and f",{province},2020JJ00," in line:
                cells = line.rstrip("\n").split(",")
                cells[column] = str(capacity)
                line = ",".join(cells) + "\n"
            rows.append(line)
        path = tmp_path / f"{province.lower()}-wind-{capacity}.csv"
        path.write_text("".join(rows), encoding="utf-8")
        return path

    return write


def publish(delivery):
    """Submit, approve and publish as the trusted command line (no four-eyes check)."""
    from koers.deliveries.workflow import transition

    for status in ("submitted", "approved", "published"):
        delivery = transition(delivery, status, user=None)
    return delivery


def capacity_2020(province: str = "PV25") -> float | None:
    """A province's 2020 wind capacity as the public figures show it."""
    from koers.analytics.store import aggregates

    rows = aggregates("wind_vermogen", area=province, period="2020", breakdown="_T")
    values = set(rows["value"].to_pylist())
    assert len(values) <= 1, values
    return values.pop() if values else None


@pytest.fixture
def koers_process(settings):
    """``koers_process(*args, env=…)``: run the `koers` command against the test database."""
    db = settings.DATABASES["default"]
    base = {**os.environ}
    base.pop("DJANGO_SETTINGS_MODULE", None)
    if db["ENGINE"].endswith("sqlite3"):
        base["KOERS_DATABASE_URL"] = f"sqlite:///{db['NAME']}"
    else:
        base["KOERS_DATABASE_URL"] = (
            f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
        )
    base["KOERS_JOBS_BACKEND"] = "database"

    def run(*args: str, env: dict | None = None, timeout: float = 120):
        return subprocess.run(
            [sys.executable, "-c", "from koers.cli import main; main()", *args],
            env={**base, **(env or {})},
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    return run
