"""Receive a delivery: keep the file, validate while streaming, store all or nothing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
from django.db import IntegrityError, transaction
from django.utils import timezone

from koers.accounts.permissions import Action, require
from koers.areas.models import Area
from koers.deliveries import versions
from koers.deliveries.context import validation_context
from koers.deliveries.files import keep_original
from koers.deliveries.history import HistoryCache
from koers.deliveries.ingest import read_delivery
from koers.deliveries.ingest.mapping_loader import load_mapping
from koers.deliveries.ingest.shipped import MAPPINGS_DIR
from koers.deliveries.models import Delivery, DeliveryStatus
from koers.deliveries.workflow import record
from koers.indicators.models import Indicator


class _Rejected(Exception):
    """Raised inside the storing transaction to roll every observation back."""


@dataclass(frozen=True)
class IdMaps:
    indicators: dict[str, int]
    areas: dict[str, int]

    @classmethod
    def load(cls) -> IdMaps:
        return cls(
            dict(Indicator.objects.values_list("code", "pk")),
            dict(Area.objects.values_list("code", "pk")),
        )

    @staticmethod
    def _ids(codes: pa.Array, lookup: dict[str, int]) -> pa.Array:
        keys = pa.array(list(lookup), pa.string())
        values = pa.array(list(lookup.values()), pa.int64())
        return values.take(pc.index_in(codes, value_set=keys))

    def attach(self, batch: pa.RecordBatch) -> pa.Table:
        table = pa.Table.from_batches([batch])
        table = table.append_column("indicator_id", self._ids(table["indicator"], self.indicators))
        return table.append_column("area_id", self._ids(table["area"], self.areas))


def _store_batch(
    table: pa.Table, delivery: Delivery, history: HistoryCache, now
) -> tuple[int, int]:
    created = superseded = 0
    for indicator_id in pc.unique(table["indicator_id"]).to_pylist():
        rows = table.filter(pc.equal(table["indicator_id"], indicator_id))
        new, replaced = versions.diff(rows, history.current(indicator_id))
        created += versions.insert(new, delivery_id=delivery.pk, recorded_at=now)
        versions.supersede(replaced, at=now)
        superseded += len(replaced)
    return created, superseded


def _mapping_used(mapping_path: Path | None, ingest) -> Path | None:
    """The mapping file given, or the shipped one the file was recognised by (None: template)."""
    if mapping_path:
        return mapping_path
    used = getattr(ingest, "mapping", None)
    shipped = MAPPINGS_DIR / used.file if used else None
    return shipped if shipped and shipped.is_file() else None


def receive(
    path: Path,
    *,
    mapping_path: Path | None = None,
    province: str | None = None,
    user=None,
    channel: str = "cli",
    name: str | None = None,
) -> Delivery:
    """Keep ``path``, validate it and store its observations, or none when it has errors."""
    if user is not None:  # the CLI is trusted; the web and the API always pass their user
        require(user, Action.UPLOAD_DELIVERY, province=province)
    mapping = load_mapping(mapping_path) if mapping_path else None
    history = HistoryCache()
    # Opened first: a file that cannot be read at all (no mapping fits) records nothing.
    ingest = read_delivery(
        path, mapping, validation_context(province=province, history=history.lookup)
    )
    stored = keep_original(path, name=name)
    mapping_path = _mapping_used(mapping_path, ingest)
    delivery = Delivery.objects.create(
        file=stored,
        mapping_name=mapping_path.name if mapping_path else "",
        mapping_text=mapping_path.read_text(encoding="utf-8") if mapping_path else "",
        province=Area.objects.get(code=province) if province else None,
        channel=channel,
        submitted_by=user if getattr(user, "is_authenticated", False) else None,
    )
    ids = IdMaps.load()
    now = timezone.now()
    created = superseded = 0
    try:
        with transaction.atomic():
            clash = None
            for batch in ingest.batches():
                if clash or not ingest.report.valid:
                    continue  # keep reading for a complete report; store nothing
                try:
                    with transaction.atomic():  # a savepoint keeps the outer transaction usable
                        n_created, n_superseded = _store_batch(
                            ids.attach(batch), delivery, history, now
                        )
                except IntegrityError as exc:  # a duplicate the checks report later in the file
                    clash = exc
                    continue
                created += n_created
                superseded += n_superseded
            if not ingest.report.valid:
                raise _Rejected
            if clash:
                raise clash
    except _Rejected:
        created = superseded = 0
    delivery.rows = ingest.rows_read
    delivery.observations_created = created
    delivery.observations_superseded = superseded
    delivery.report = ingest.report.to_dict()
    delivery.save(
        update_fields=["rows", "observations_created", "observations_superseded", "report"]
    )
    rejected = not ingest.report.valid
    record(delivery, DeliveryStatus.REJECTED if rejected else DeliveryStatus.VALIDATED, user=user)
    return delivery
