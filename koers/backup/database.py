"""Copy the database out and back: SQLite's online backup API, or pg_dump / pg_restore."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from django.db import connection, transaction

from koers.backup.errors import BackupError, ToolMissing
from koers.deliveries.models import StoredFile

SQLITE_NAME = "koers.sqlite3"
POSTGRES_NAME = "koers.pgdump"
_FILES_SQL = f"SELECT sha256 FROM {StoredFile._meta.db_table}"  # noqa: S608


def dump(folder: Path) -> tuple[str, list[str]]:
    """Write the database to ``folder``; return its file name and the stored files it names.

    The list of stored files comes from the same snapshot as the dump, so every file the
    backup's database refers to is copied, however much is imported meanwhile.
    """
    if connection.vendor == "sqlite":
        target = folder / SQLITE_NAME
        with _sqlite(_sqlite_path()) as source, _sqlite(target) as copy:
            source.backup(copy)  # a consistent snapshot, while the app keeps writing
            shas = [row[0] for row in copy.execute(_FILES_SQL)]
        return SQLITE_NAME, shas
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        cursor.execute(_FILES_SQL)
        shas = [row[0] for row in cursor.fetchall()]
        _run(
            _pg_tool("pg_dump"),
            "--format=custom",
            f"--snapshot={snapshot}",
            f"--file={folder / POSTGRES_NAME}",
            f"--dbname={postgres_uri()}",
        )
    return POSTGRES_NAME, shas


def load(path: Path) -> None:
    """Replace the configured database's contents with the backup at ``path``."""
    connection.close()
    if path.name == SQLITE_NAME:
        with _sqlite(path) as source, _sqlite(_sqlite_path()) as target:
            source.backup(target)
        return
    _run(
        _pg_tool("pg_restore"),
        "--clean",
        "--if-exists",
        "--no-owner",
        "--exit-on-error",
        f"--dbname={postgres_uri()}",
        str(path),
    )


def holds_data() -> bool:
    """True when the database has Koers' tables with at least one delivery or indicator."""
    from django.db.utils import DatabaseError

    from koers.indicators.models import Indicator

    try:
        return Indicator.objects.exists() or StoredFile.objects.exists()
    except DatabaseError:
        return False  # no tables yet


def postgres_uri() -> str:
    db = connection.settings_dict
    password = f":{quote(db['PASSWORD'], safe='')}" if db.get("PASSWORD") else ""
    user = quote(db.get("USER") or "", safe="")
    host = f"{db.get('HOST') or 'localhost'}:{db.get('PORT') or 5432}"
    return f"postgresql://{user}{password}@{host}/{quote(db['NAME'], safe='')}"


def _sqlite_path() -> Path:
    return Path(connection.settings_dict["NAME"])


@contextmanager
def _sqlite(path: Path) -> Iterator[sqlite3.Connection]:
    db = sqlite3.connect(path, timeout=60)
    try:
        yield db
    finally:
        db.close()


def _pg_tool(name: str) -> str:
    """The newest installed server's client (pg_dump must not be older than the server)."""
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), key=_major)
    found = str(candidates[-1]) if candidates else shutil.which(name)
    if not found:
        raise ToolMissing(f"{name} not found: install the PostgreSQL client tools")
    return found


def _major(path: Path) -> int:
    return int(path.parts[-3]) if path.parts[-3].isdigit() else 0


def _run(*command: str) -> None:
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        # The URI carries the password: name the tool and its own message only.
        message = result.stderr.strip().splitlines()[-1:] or ["no message"]
        raise BackupError(f"{Path(command[0]).name} failed: {message[0]}")
