"""An uploaded file (and optional mapping) handed to ``storing.receive`` as the API channel."""

from __future__ import annotations

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


def _file_name(name: str | None, fallback: str) -> str:
    # Only the last path part: a client must not choose where the copy lands.
    cleaned = Path((name or "").replace("\\", "/")).name.strip()
    return cleaned if cleaned not in {"", ".", ".."} else fallback


def _save(upload, folder: Path, fallback: str) -> Path:
    path = folder / _file_name(getattr(upload, "name", None), fallback)
    with open(path, "wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    return path


def receive_upload(
    upload,
    *,
    user,
    province: str | None = None,
    mapping_name: str | None = None,
    mapping_file=None,
) -> Delivery:
    """Store ``upload`` through ``receive`` (which checks the user's scope): all or nothing."""
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
            channel="api",
            name=path.name,
        )
