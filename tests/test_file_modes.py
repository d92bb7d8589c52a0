"""Files Koers writes in a fresh data folder are readable by its own account only."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
KOERS = [sys.executable, "-c", "from koers.cli import main; main()"]
WIND = REPO.parent / "shared" / "data" / "cbs" / "70960ned_windenergie_op_land.csv"
MAPPING = REPO / "koers" / "deliveries" / "mappings" / "cbs-70960ned.yaml"


def private(path: Path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) & 0o077 == 0


def test_database_secret_key_originals_and_snapshots_are_created_0600(tmp_path):
    data = tmp_path / "data"
    env = {**os.environ, "KOERS_DATA_DIR": str(data), "KOERS_JOBS_BACKEND": "immediate"}
    for name in ("DJANGO_SETTINGS_MODULE", "KOERS_DATABASE_URL"):
        env.pop(name, None)
    importing = ["import", str(WIND), "--mapping", str(MAPPING), "--publish"]
    for args in (["init"], importing, ["refresh"]):
        done = subprocess.run([*KOERS, *args], env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr

    database = data / "koers.sqlite3"
    must_exist = [database, data / "secret_key"]
    must_exist += [database.with_name(database.name + suffix) for suffix in ("-wal", "-shm")
                   if database.with_name(database.name + suffix).exists()]  # fmt: skip
    originals = [p for p in (data / "files").rglob("*") if p.is_file()]
    snapshots = list(data.rglob("*.parquet"))
    assert originals and snapshots, sorted(str(p.relative_to(data)) for p in data.rglob("*"))
    for path in must_exist + originals + snapshots:
        assert private(path), f"{path.relative_to(data)} is {oct(path.stat().st_mode)}"
