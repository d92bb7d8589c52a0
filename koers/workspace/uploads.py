"""A file uploaded in the browser becomes a delivery through storing.receive, all or nothing."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from django.db import transaction

from koers.deliveries.ingest import IngestError, find_shipped_mapping
from koers.deliveries.ingest.shipped import MAPPINGS_DIR, shipped_mappings
from koers.deliveries.models import Delivery
from koers.deliveries.storing import receive

AUTOMATIC = ""


class UploadError(Exception):
    """The file could not be read at all; nothing was stored."""

    code = "upload_failed"

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.code = code


def mapping_choices() -> list[tuple[str, str]]:
    """The shipped mappings a steward can pick, by name with their description."""
    return [
        (name, f"{mapping.description or name} ({name})")
        for name, mapping in sorted(shipped_mappings().items())
    ]


def _mapping_path(choice: str, file_name: str) -> Path | None:
    mapping = shipped_mappings().get(choice) if choice else find_shipped_mapping(file_name)
    return MAPPINGS_DIR / mapping.file if mapping else None


def safe_name(name: str) -> str:
    """The base name of an uploaded file with only harmless characters (patterns still match)."""
    base = Path(name.replace("\\", "/")).name.strip() or "aanlevering"
    return re.sub(r"[^\w.\-]+", "_", base)[-200:]


def receive_upload(upload, *, province: str, user, mapping: str = AUTOMATIC) -> Delivery:
    """Keep, validate and store an uploaded file; raises UploadError when it cannot be read."""
    name = safe_name(upload.name)
    with tempfile.TemporaryDirectory(prefix="koers-upload-") as folder:
        path = Path(folder) / name  # the real name, so a shipped mapping can match it
        with path.open("wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        try:
            with transaction.atomic():  # a file that cannot be read leaves no delivery behind
                return receive(
                    path,
                    mapping_path=_mapping_path(mapping, name),
                    province=province,
                    user=user,
                    channel="ui",
                    name=name,
                )
        except IngestError as exc:
            raise UploadError(exc.message, code=exc.code) from exc
