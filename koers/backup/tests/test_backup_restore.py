"""A backup taken while a large import runs restores into a fresh instance, consistent.

Everything runs as real `koers` processes on their own data folders (and, under
scripts/with-postgres, their own PostgreSQL databases): the source instance, an import of a
large generated CSV, `koers backup` during that import, and `koers restore` elsewhere.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

KOERS = str(Path(sys.executable).with_name("koers"))
REPO = Path(__file__).resolve().parents[3]
WIND_MAPPING = REPO / "koers" / "deliveries" / "mappings" / "cbs-70960ned.yaml"

BENCH_INDICATOR = """
import os
os.environ['DJANGO_SETTINGS_MODULE'] = 'koers.settings'
import django; django.setup()
from koers.indicators.models import Indicator
Indicator.objects.create(
    code='bench_vermogen', name='Benchmark', unit='MW', periodicity='month', min_value=0,
    decimals=1, breakdowns={'BronEnTechniek': {'codes': [{'code': '_T'}] + [
        {'code': f'B{n:05d}'} for n in range(1, 301)]}})
"""

BIG_MAPPING = """name: bench-cbs-shape
format: {type: csv, delimiter: ','}
area: {column: RegioS}
period: {column: Perioden, style: cbs}
breakdowns: {BronEnTechniek: {column: BronEnTechniek}}
values: [{column: OpgesteldElektrischVermogen_1, indicator: bench_vermogen}]
"""


def _write_big_csv(path: Path, rows: int) -> None:
    """A CBS-shaped file: provinces × breakdown codes × months, `rows` data rows."""
    months = [f"{y}MM{m:02d}" for y in range(2004, 2024) for m in range(1, 13)]
    lines = ["ID,RegioS,BronEnTechniek,Perioden,OpgesteldElektrischVermogen_1\n"]
    n = 0
    for area in (f"PV{p}" for p in range(20, 32)):
        for code in (f"B{c:05d}" for c in range(1, 301)):
            for i, month in enumerate(months):
                if n == rows:
                    break
                lines.append(f"{n},{area},{code},{month},{100 + i * 0.5:.1f}\n")
                n += 1
    path.write_text("".join(lines), encoding="utf-8")


class Instance:
    """One Koers installation: a data folder and (on PostgreSQL) a database of its own."""

    def __init__(self, folder: Path, database_url: str | None) -> None:
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("KOERS_")}
        self.env |= {"KOERS_DATA_DIR": str(folder), "KOERS_LOG_FORMAT": "json"}
        if database_url:
            self.env["KOERS_DATABASE_URL"] = database_url
        self.folder = folder

    def koers(self, *args: str, timeout: int = 600) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [KOERS, *args], env=self.env, capture_output=True, text=True, timeout=timeout
        )
        assert result.returncode == 0, f"koers {' '.join(args)}: {result.stderr[-2000:]}"
        return result

    def python(self, code: str) -> None:
        subprocess.run([sys.executable, "-c", code], env=self.env, check=True, capture_output=True)

    def sql(self, query: str) -> list[tuple]:
        url = self.env.get("KOERS_DATABASE_URL")
        if url:
            import psycopg

            with psycopg.connect(url) as db:
                return db.execute(query).fetchall()
        with sqlite3.connect(self.folder / "koers.sqlite3") as db:
            return db.execute(query).fetchall()


@pytest.fixture
def databases():
    """Two empty databases on the test's PostgreSQL server, or None twice on SQLite."""
    url = os.environ.get("KOERS_DATABASE_URL")
    if not url:
        yield None, None
        return
    import psycopg

    base, _ = url.rsplit("/", 1)
    names = [f"koers_{role}_{uuid.uuid4().hex[:8]}" for role in ("source", "restored")]
    with psycopg.connect(url, autocommit=True) as db:
        for name in names:
            db.execute(f"CREATE DATABASE {name}")
    yield tuple(f"{base}/{name}" for name in names)
    with psycopg.connect(url, autocommit=True) as db:
        for name in names:
            db.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _wait_for_line(process: subprocess.Popen, event: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        if not line:
            pytest.fail(f"the import ended before logging {event}")
        if f'"{event}"' in line:
            return
    pytest.fail(f"no {event} within {timeout} s")


@pytest.mark.slow
def test_a_backup_taken_during_an_import_restores_consistently(tmp_path, shared_data, databases):
    source_db, restored_db = databases
    source = Instance(tmp_path / "source", source_db)
    source.koers("init")
    source.python(BENCH_INDICATOR)
    wind = shared_data / "cbs" / "70960ned_windenergie_op_land.csv"
    source.koers("import", str(wind), "--mapping", str(WIND_MAPPING), "--publish")
    source.koers("refresh")
    published = json.loads(
        source.koers("query", "--indicator", "wind_vermogen", "--format", "json").stdout
    )

    big = tmp_path / "85004ned_groot.csv"
    _write_big_csv(big, 600_000)
    mapping = tmp_path / "bench-mapping.yaml"
    mapping.write_text(BIG_MAPPING, encoding="utf-8")
    importing = subprocess.Popen(
        [KOERS, "import", str(big), "--mapping", str(mapping)],
        env=source.env,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    try:
        _wait_for_line(importing, "import_received")
        time.sleep(1.0)  # into the batches
        backup = tmp_path / "backup"
        source.koers("backup", str(backup))
        assert importing.poll() is None, "the import must still run while the backup is taken"
    finally:
        importing.kill()
        importing.wait()

    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["files"] and all(len(e["sha256"]) == 64 for e in manifest["files"])

    restored = Instance(tmp_path / "restored", restored_db)
    result = restored.koers("restore", str(backup))
    assert "analytics refreshed" in result.stdout

    # Invariants: nothing stuck, every original present, the same published figures.
    assert restored.sql("SELECT id FROM deliveries_delivery WHERE status = 'received'") == []
    for (sha,) in restored.sql("SELECT sha256 FROM deliveries_storedfile"):
        kept = restored.folder / "files" / sha[:2] / sha
        assert kept.is_file(), f"stored file {sha} missing after restore"
    again = json.loads(
        restored.koers("query", "--indicator", "wind_vermogen", "--format", "json").stdout
    )
    key = ("area", "period", "breakdown", "value_kind", "hierarchy")
    values = {tuple(r[k] for k in key): r["value"] for r in again}
    assert values == {tuple(r[k] for k in key): r["value"] for r in published}
    # The half-done import is no published data in the copy.
    assert restored.sql(
        "SELECT count(*) FROM deliveries_observation o JOIN deliveries_delivery d"
        " ON d.id = o.delivery_id WHERE d.status NOT IN ('validated','submitted',"
        "'approved','published','withdrawn','rejected')"
    ) == [(0,)]


def test_restore_refuses_a_folder_with_data_unless_forced(tmp_path, databases):
    source_db, restored_db = databases
    source = Instance(tmp_path / "source", source_db)
    source.koers("init")
    source.koers("backup", str(tmp_path / "backup"))
    refused = subprocess.run(
        [KOERS, "restore", str(tmp_path / "backup")],
        env=source.env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert refused.returncode == 1
    assert "already holds data" in refused.stderr and "--force" in refused.stderr
    source.koers("restore", str(tmp_path / "backup"), "--force")


def test_a_damaged_backup_is_refused_before_anything_changes(tmp_path, databases):
    source_db, _ = databases
    source = Instance(tmp_path / "source", source_db)
    source.koers("init")
    backup = tmp_path / "backup"
    source.koers("backup", str(backup))
    manifest = json.loads((backup / "manifest.json").read_text())
    with open(backup / manifest["database"], "ab") as database:
        database.write(b"tampered")
    fresh = Instance(tmp_path / "fresh", None if source_db is None else source_db)
    refused = subprocess.run(
        [KOERS, "restore", str(backup), "--force"],
        env=fresh.env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert refused.returncode == 1
    assert "sha256 differs from the manifest" in refused.stderr
