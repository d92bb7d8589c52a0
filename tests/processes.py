"""The `koers` command as a child process, on a data folder of its own."""

from __future__ import annotations

import os
import sys
from pathlib import Path

KOERS = [sys.executable, "-c", "from koers.cli import main; main()"]


def process_env(data: Path) -> dict[str, str]:
    """The environment of a `koers` child process on its own data folder (never PostgreSQL's
    test database, never the checkout's var/)."""
    env = {**os.environ, "KOERS_DATA_DIR": str(data)}
    for name in ("DJANGO_SETTINGS_MODULE", "KOERS_DATABASE_URL", "KOERS_DEBUG", "KOERS_ENV"):
        env.pop(name, None)
    return env
