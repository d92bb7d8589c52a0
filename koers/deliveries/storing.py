"""Receive a delivery: keep the file, validate while streaming, store all or nothing."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
from django.db import IntegrityError, connection, transaction
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
from koers.deliveries.prefetch import prefetched
from koers.deliveries.workflow import record
from koers.indicators.models import Indicator

# SQLite page cache during an import (KiB): on 1M rows as fast as the usual 256 MiB
# within noise (32 MiB cost ~3 %), and it does not grow with the file.
IMPORT_PAGE_CACHE_KIB = 65_536


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
    indicator_ids = pc.unique(table["indicator_id"]).to_pylist()
    for indicator_id in indicator_ids:
        rows = (
            table
            if len(indicator_ids) == 1
            else table.filter(pc.equal(table["indicator_id"], indicator_id))
        )
        new, replaced = versions.diff(rows, history.current(indicator_id))
        created += versions.insert(new, delivery_id=delivery.pk, recorded_at=now)
        versions.supersede(replaced, at=now)
        superseded += len(replaced)
    return created, superseded


@contextmanager
def _import_page_cache() -> Iterator[None]:
    """Cap SQLite's page cache while importing, and restore it afterwards.

    An import mostly appends and reads little back: a large cache only fills up with pages
    already written, so the import's memory would grow with the file.
    """
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        previous = cursor.fetchone()[0]
        cursor.execute(f"PRAGMA cache_size = -{IMPORT_PAGE_CACHE_KIB}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(previous)}")


def _batch_savepoint():
    """A savepoint per batch where a failed insert would abort the whole transaction.

    PostgreSQL refuses every later query (the history lookups) until a rollback. SQLite
    undoes only the failing statement, and its savepoints journal the pages a batch
    touches again (about 2 % of a 1M-row import), so it gets none; either way the whole
    transaction is rolled back at the end.
    """
    return transaction.atomic() if connection.vendor != "sqlite" else nullcontext()


def _read_ahead(ingest, ids: IdMaps) -> Iterator[tuple[pa.Table, bool]]:
    """Each batch with its ids, and whether the report was still valid after it.

    Runs in the worker: it reads only the file and the id maps, never the database.
    """
    for batch in ingest.read_batches():
        yield ids.attach(batch), ingest.report.valid


def _store_all(ingest, delivery: Delivery, history: HistoryCache) -> tuple[int, int]:
    """Store every batch in one transaction; raise _Rejected to roll back an invalid file.

    The file is read and validated a batch ahead in a worker thread while this thread
    inserts; the whole-file checks run here, as they may look up history in the database.
    """
    ids = IdMaps.load()
    now = timezone.now()
    created = superseded = 0
    with _import_page_cache(), transaction.atomic():
        clash = None
        with prefetched(_read_ahead(ingest, ids)) as batches:
            for table, valid in batches:
                if clash or not valid:
                    continue  # keep reading for a complete report; store nothing
                try:
                    with _batch_savepoint():
                        n_created, n_superseded = _store_batch(table, delivery, history, now)
                except IntegrityError as exc:  # a duplicate the checks report later in the file
                    clash = exc
                    continue
                created += n_created
                superseded += n_superseded
        ingest.finish()
        if not ingest.report.valid:
            raise _Rejected
        if clash:
            raise clash
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
    try:
        created, superseded = _store_all(ingest, delivery, history)
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
