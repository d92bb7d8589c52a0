"""Adding a meeting document: kept once by SHA-256 in the delivery file store, text extracted."""

from __future__ import annotations

import datetime
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from koers.deliveries.files import keep_original
from koers.deliveries.scratch import scratch_folder
from koers.meetings.extract import extract
from koers.meetings.models import Informatiecategorie, Informatieobject, Informatieobjecttype


def add_document(
    path: Path,
    *,
    titel: str,
    name: str | None = None,
    informatieobjecttype: str = Informatieobjecttype.BESLUITVORMINGSSTUK,
    creatiedatum: datetime.date | None = None,
    openbaar: bool = False,
    informatiecategorie: str = Informatiecategorie.VERGADERSTUKKEN,
    uitgever=None,
    user=None,
) -> Informatieobject:
    """Read the text of ``path`` (refusing what Koers cannot read), keep it, record it."""
    extracted = extract(path, name=name)  # raises DocumentRefused before anything is kept
    with transaction.atomic():
        stored = keep_original(path, name=name or path.name)
        return Informatieobject.objects.create(
            bestand=stored,
            titel=titel,
            informatieobjecttype=informatieobjecttype,
            formaat=extracted.formaat,
            creatiedatum=creatiedatum or datetime.date.today(),
            tekst=extracted.tekst,
            openbaar=openbaar,
            gepubliceerd_op=timezone.now() if openbaar else None,
            informatiecategorie=informatiecategorie,
            uitgever=uitgever,
            toegevoegd_door=user if user is not None and user.is_authenticated else None,
        )


def add_uploaded_document(upload, **fields) -> Informatieobject:
    """:func:`add_document` for a browser or API upload (a Django UploadedFile)."""
    with scratch_folder("document-") as folder:
        path = folder / "upload"
        with open(path, "wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        return add_document(path, name=Path(upload.name).name, **fields)
