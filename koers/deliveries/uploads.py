"""An uploaded file (and optional mapping) handed to ``storing.receive``: site and API alike."""

from __future__ import annotations

import re
import tempfile
from functools import cache
from pathlib import Path

from koers.deliveries.ingest.shipped import MAPPINGS_DIR, shipped_mappings
from koers.deliveries.models import Delivery
from koers.deliveries.storing import receive


@cache
def shipped_mapping_paths() -> dict[str, Path]:
    """Shipped mapping name → its YAML file."""
    return {name: MAPPINGS_DIR / mapping.file for name, mapping in shipped_mappings().items()}


def safe_name(name: str | None, fallback: str = "aanlevering") -> str:
    """The base name of an uploaded file with only harmless characters (patterns still match).

    Only the last path part: a client must not choose where the copy lands.
    """
    base = Path((name or "").replace("\\", "/")).name.strip()
    if base in {"", ".", ".."}:
        return fallback
    return re.sub(r"[^\w.\-]+", "_", base)[-200:]


def _save(upload, folder: Path, fallback: str) -> Path:
    path = folder / safe_name(getattr(upload, "name", None), fallback)
    with open(path, "wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    return path


def receive_upload(
    upload,
    *,
    user,
    channel: str,
    province: str | None = None,
    mapping_name: str | None = None,
    mapping_file=None,
) -> Delivery:
    """Store ``upload`` through ``receive`` (which checks the user's scope): all or nothing.

    Without a mapping, ``receive`` recognises the Koers template or a shipped mapping by the
    file's real name, which is why the copy keeps it.
    """
    with tempfile.TemporaryDirectory(prefix="koers-upload-") as folder:
        root = Path(folder)
        path = _save(upload, root, "aanlevering")
        mapping_path = None
        if mapping_file is not None:
            (root / "mapping").mkdir()
            mapping_path = _save(mapping_file, root / "mapping", "mapping.yaml")
        elif mapping_name:
            mapping_path = shipped_mapping_paths()[mapping_name]
        return receive(
            path,
            mapping_path=mapping_path,
            province=province,
            user=user,
            channel=channel,
            name=path.name,
        )
