"""Start-up check of the `koers` command: the data it is about to use exists.

Run from another folder, an installed Koers would look for `./var`, find nothing and fail
later with "no such table". Instead every command that reads or writes data refuses in one
line, naming the folder or database and how to fix it, before anything is created there.
`koers init`, `koers restore` and `koers openapi` need no data and skip the check.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from koers.cli.base import fail
from koers.config import SQLITE_FILE, config, data_dir_path

#: The table `koers init` (Django's migrate) creates first.
MIGRATIONS_TABLE = "django_migrations"


def _has_tables(database: Path) -> bool:
    """True when ``database`` is a SQLite file that `koers init` has set up (read-only look)."""
    if not database.is_file():
        return False
    try:
        with sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True) as connection:
            found = connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                (MIGRATIONS_TABLE,),
            ).fetchone()
    except sqlite3.Error:
        return False
    return found is not None


def require_local_data() -> None:
    """Before Django starts: with the embedded database, its file must hold Koers tables."""
    if config("KOERS_DATABASE_URL"):
        return  # checked once Django can connect (require_database_tables)
    folder = data_dir_path()
    if not _has_tables(folder / SQLITE_FILE):
        fail(
            f"no Koers data in {folder}: run `koers init` to start there, "
            "or set KOERS_DATA_DIR to the folder that holds your data"
        )


def require_database_tables() -> None:
    """After Django starts: the database in KOERS_DATABASE_URL is reachable and set up."""
    if not config("KOERS_DATABASE_URL"):
        return
    from django.db import DatabaseError, connection

    try:
        tables = connection.introspection.table_names()
    except DatabaseError as exc:
        fail(f"cannot reach the database in KOERS_DATABASE_URL: {str(exc).strip().splitlines()[0]}")
    if MIGRATIONS_TABLE not in tables:
        fail("the database in KOERS_DATABASE_URL has no Koers tables yet: run `koers init` first")
