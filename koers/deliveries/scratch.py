"""One temporary root under the data folder: ``tmp/<pid>-<host>-<random>/`` per process.

Uploads being received and the validation ledger's spill files go here, not to the
system's temp folder, so the recovery can remove what a killed process left behind: a
folder whose pid is dead on this host.
"""

from __future__ import annotations

import atexit
import os
import secrets
import shutil
import socket
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from koers.config import data_dir

_made: dict[Path, Path] = {}  # data folder → this process's scratch folder in it


def scratch_root() -> Path:
    return data_dir() / "tmp"


def _host() -> str:
    return socket.gethostname().replace("-", "_")


def owner(folder: Path) -> tuple[int, str] | None:
    """The pid and host a scratch folder belongs to, from its name (None: not ours)."""
    parts = folder.name.split("-")
    if len(parts) != 3 or not parts[0].isdigit():
        return None
    return int(parts[0]), parts[1]


def on_this_host(host: str) -> bool:
    return host == _host()


def process_folder() -> Path:
    """This process's scratch folder (mode 0700), made on first use, removed at exit."""
    root = scratch_root()
    folder = _made.get(root)
    if folder is None or not folder.is_dir():
        root.mkdir(parents=True, exist_ok=True)
        folder = root / f"{os.getpid()}-{_host()}-{secrets.token_hex(4)}"
        folder.mkdir(mode=0o700)
        _made[root] = folder
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


@contextmanager
def scratch_folder(prefix: str = "work-") -> Iterator[Path]:
    """A fresh folder in this process's scratch folder, removed when the block ends."""
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=process_folder()))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def temp_files_here() -> Iterator[Path]:
    """Make ``tempfile`` (and so the validation ledger) write into the scratch folder."""
    previous = tempfile.tempdir
    tempfile.tempdir = str(process_folder())
    try:
        yield Path(tempfile.tempdir)
    finally:
        tempfile.tempdir = previous
