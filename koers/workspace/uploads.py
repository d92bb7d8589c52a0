"""The browser side of an upload: mapping choices, and read failures as UploadError."""

from __future__ import annotations

from koers.deliveries import uploads as deliveries_uploads
from koers.deliveries.ingest import IngestError
from koers.deliveries.ingest.shipped import MAPPINGS_DIR, shipped_mappings
from koers.deliveries.models import Delivery

__all__ = ["AUTOMATIC", "MAPPINGS_DIR", "UploadError", "mapping_choices", "receive_upload"]

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


def receive_upload(upload, *, province: str, user, mapping: str = AUTOMATIC) -> Delivery:
    """Keep, validate and store an uploaded file; raises UploadError when it cannot be read."""
    try:
        return deliveries_uploads.receive_upload(
            upload, user=user, channel="ui", province=province, mapping_name=mapping or None
        )
    except IngestError as exc:
        raise UploadError(exc.message, code=exc.code) from exc
