"""The browser side of an upload: mapping choices, read failures as UploadError, the job."""

from __future__ import annotations

from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext_lazy as _

from koers.deliveries import uploads as deliveries_uploads
from koers.deliveries.ingest import IngestError
from koers.deliveries.ingest.shipped import MAPPINGS_DIR, shipped_mappings
from koers.deliveries.models import Delivery
from koers.indicators.models import Indicator, IndicatorStatus
from koers.jobs.tasks import enqueue_import

__all__ = [
    "AUTOMATIC",
    "DUTCH_TEMPLATE",
    "MAPPINGS_DIR",
    "UploadError",
    "mapping_choices",
    "receive_upload",
]

AUTOMATIC = ""


class UploadError(Exception):
    """The file could not be read at all; nothing was stored."""

    code = "upload_failed"

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.code = code


#: The Koers template read with Dutch number notation (12,5 and 1.234,5): a choice on the
#: upload form, kept here rather than among the shipped source mappings.
DUTCH_TEMPLATE = "koers-sjabloon-nl"
DUTCH_TEMPLATE_FILE = Path(__file__).resolve().parent / "sjabloon_nl.yaml"


def _feeds_only_peers(mapping, peers: set[str]) -> bool:
    codes = {v.indicator for v in mapping.values if v.indicator}
    codes |= {code for v in mapping.values for code in v.indicator_codes.values()}
    return bool(codes) and codes <= peers


def mapping_choices() -> list[tuple[str, str]]:
    """The layouts a steward can pick: the template in Dutch notation, then the shipped
    mappings by name, never a peer's layout (another country's data is not a delivery)."""
    peers = set(
        Indicator.objects.filter(status=IndicatorStatus.PEER).values_list("code", flat=True)
    )
    dutch = (DUTCH_TEMPLATE, _("Koers-sjabloon met Nederlandse getalnotatie (12,5 en 1.234,5)"))
    return [dutch] + [
        (name, f"{mapping.description or name} ({name})")
        for name, mapping in sorted(shipped_mappings().items())
        if not _feeds_only_peers(mapping, peers)
    ]


def receive_upload(upload, *, province: str, user, mapping: str = AUTOMATIC) -> Delivery:
    """Keep an uploaded file and queue its import; raises UploadError when it cannot be read.

    The delivery comes back as it is once queued: `received` while a worker imports it
    (the page then shows "wordt verwerkt"), or already imported where jobs run at once.
    """
    chosen: dict = {"mapping_name": mapping or None}
    if mapping == DUTCH_TEMPLATE:
        text = DUTCH_TEMPLATE_FILE.read_bytes()
        chosen = {"mapping_file": SimpleUploadedFile(DUTCH_TEMPLATE_FILE.name, text)}
    try:
        delivery = deliveries_uploads.accept_upload(
            upload, user=user, channel="ui", province=province, **chosen
        )
    except IngestError as exc:
        raise UploadError(exc.message, code=exc.code) from exc
    enqueue_import(delivery)
    delivery.refresh_from_db()
    return delivery
