"""An uploaded file (and optional mapping) handed to ``storing.accept``: site and API alike.

Uploads are bounded: :class:`SizeLimitHandler` stops reading a request body once it
passes ``KOERS_MAX_UPLOAD_MB``, so an oversized file is never saved, and
:func:`upload_refused` tells the view so it can answer with a clear error.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from django.core.files.uploadhandler import FileUploadHandler, StopUpload

from koers.config import config
from koers.deliveries.ingest.shipped import MAPPINGS_DIR, shipped_mappings
from koers.deliveries.models import Delivery
from koers.deliveries.scratch import scratch_folder
from koers.deliveries.storing import accept

REFUSED_ATTRIBUTE = "koers_upload_refused_mb"


class UploadTooLarge(Exception):
    """The request body passed KOERS_MAX_UPLOAD_MB; nothing of it was kept."""

    code = "upload_too_large"

    def __init__(self, limit_mb: int) -> None:
        self.limit_mb = limit_mb
        super().__init__(
            f"Het bestand is groter dan {limit_mb} MB, de grootste upload die Koers aanneemt. "
            "Splits het bestand, bijvoorbeeld per jaar of per indicator."
        )


def max_upload_bytes() -> int:
    return config("KOERS_MAX_UPLOAD_MB") * 1_000_000


class SizeLimitHandler(FileUploadHandler):
    """First of FILE_UPLOAD_HANDLERS: counts the file bytes and stops past the limit.

    It passes each chunk on to the next handler (memory or temporary file) until the
    total passes the limit; then StopUpload makes Django discard the rest of the body
    unread by any handler, and the partial temporary file is closed and removed.
    """

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.limit = max_upload_bytes()
        self.seen = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.seen += len(raw_data)
        if self.seen > self.limit:
            setattr(self.request, REFUSED_ATTRIBUTE, config("KOERS_MAX_UPLOAD_MB"))
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handler makes the file


def upload_refused(request) -> UploadTooLarge | None:
    """The refusal of this request's upload (Django or DRF request), if it was too large."""
    django_request = getattr(request, "_request", request)
    limit = getattr(django_request, REFUSED_ATTRIBUTE, None)
    return UploadTooLarge(limit) if limit is not None else None


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


def accept_upload(
    upload,
    *,
    user,
    channel: str,
    province: str | None = None,
    mapping_name: str | None = None,
    mapping_file=None,
) -> Delivery:
    """Keep ``upload`` and record a `received` delivery (``accept`` checks the user's scope).

    Fast: the import itself is a job (koers.jobs.tasks.enqueue_import). Without a
    mapping, ``accept`` recognises the Koers template or a shipped mapping by the file's
    real name, which is why the copy keeps it.
    """
    with scratch_folder("upload-") as root:
        path = _save(upload, root, "aanlevering")
        mapping_path = None
        if mapping_file is not None:
            (root / "mapping").mkdir()
            mapping_path = _save(mapping_file, root / "mapping", "mapping.yaml")
        elif mapping_name:
            mapping_path = shipped_mapping_paths()[mapping_name]
        return accept(
            path,
            mapping_path=mapping_path,
            province=province,
            user=user,
            channel=channel,
            name=path.name,
        )
