"""Keep every received file exactly as it came, addressed by its sha256."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from koers.config import data_dir
from koers.deliveries.models import StoredFile

CHUNK = 1 << 20
PARTIAL_SUFFIX = ".part"  # a copy being written; the recovery removes old ones


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def files_root() -> Path:
    return data_dir() / "files"


def stored_path(sha256: str) -> Path:
    """Where the original with this digest lives under the data folder."""
    return files_root() / sha256[:2] / sha256


def _copy_hashing(path: Path, root: Path) -> tuple[Path, str]:
    """Copy ``path`` to a unique partial file (mode 0600) in ``root``; return it and its digest."""
    root.mkdir(parents=True, exist_ok=True)
    fd, partial = tempfile.mkstemp(prefix=".incoming-", suffix=PARTIAL_SUFFIX, dir=root)
    digest = hashlib.sha256()
    try:
        with os.fdopen(fd, "wb") as out, open(path, "rb") as source:
            while chunk := source.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    return Path(partial), digest.hexdigest()


def keep_original(path: Path, *, name: str | None = None) -> StoredFile:
    """Copy ``path`` into the content-addressed store (once) and record it.

    The copy goes to a unique name and is moved into place with os.replace(): a reader
    never sees half a file, and two processes storing the same file both succeed.
    """
    partial, sha256 = _copy_hashing(path, files_root())
    target = stored_path(sha256)
    if target.exists():
        partial.unlink()
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(partial, target)
    stored, _ = StoredFile.objects.get_or_create(
        sha256=sha256, defaults={"name": name or Path(path).name, "size": target.stat().st_size}
    )
    return stored
