"""Keep every received file exactly as it came, addressed by its sha256."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from koers.config import data_dir
from koers.deliveries.models import StoredFile

CHUNK = 1 << 20


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def stored_path(sha256: str) -> Path:
    """Where the original with this digest lives under the data folder."""
    return data_dir() / "files" / sha256[:2] / sha256


def keep_original(path: Path, *, name: str | None = None) -> StoredFile:
    """Copy ``path`` into the content-addressed store (once) and record it."""
    sha256 = sha256_of(path)
    target = stored_path(sha256)
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".part")
        shutil.copyfile(path, partial)
        partial.replace(target)  # atomic: a reader never sees half a file
    stored, _ = StoredFile.objects.get_or_create(
        sha256=sha256, defaults={"name": name or Path(path).name, "size": target.stat().st_size}
    )
    return stored
