"""The browser side of an upload: mapping choices, read failures as UploadError, the job."""

from __future__ import annotations

from koers.deliveries import uploads as deliveries_uploads
from koers.deliveries.ingest import IngestError
from koers.deliveries.ingest.shipped import MAPPINGS_DIR, shipped_mappings
from koers.deliveries.models import Delivery
from koers.jobs.tasks import enqueue_import

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
    """Keep an uploaded file and queue its import; raises UploadError when it cannot be read.

    The delivery comes back as it is once queued: `received` while a worker imports it
    (the page then shows "wordt verwerkt"), or already imported where jobs run at once.
    """
    try:
        delivery = deliveries_uploads.accept_upload(
            upload, user=user, channel="ui", province=province, mapping_name=mapping or None
        )
    except IngestError as exc:
        raise UploadError(exc.message, code=exc.code) from exc
    enqueue_import(delivery)
    delivery.refresh_from_db()
    return delivery
