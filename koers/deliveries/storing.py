"""Receive a delivery in two crash-safe steps: accept() keeps it, process() imports it.

accept() opens the file to find its mapping (a file no mapping fits records nothing),
keeps the original and records a `received` delivery: fast, fit for a request.
process() imports the KEPT original in short transactions, one per batch, so other
writers wait at most one batch. All or nothing comes from the delivery's status, not
from one long transaction: observations of a `received` delivery are invisible to
everyone; a rejected or failed import deletes its rows before its status says so; a
killed one is cleaned up by recovery.recover().
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
from django.db import DatabaseError, IntegrityError, OperationalError, connection, transaction
from django.utils import timezone

from koers.accounts.permissions import Action, require
from koers.areas.models import Area
from koers.deliveries import lease, versions
from koers.deliveries.context import validation_context
from koers.deliveries.failures import ImportFailed, failure_report
from koers.deliveries.faults import fault_point
from koers.deliveries.files import keep_original, stored_path
from koers.deliveries.history import HistoryCache
from koers.deliveries.ingest import IngestError, read_delivery
from koers.deliveries.ingest.mapping_loader import load_mapping
from koers.deliveries.ingest.shipped import MAPPINGS_DIR
from koers.deliveries.models import Coverage, Delivery, DeliveryStatus
from koers.deliveries.prefetch import prefetched
from koers.deliveries.scratch import scratch_folder, temp_files_here
from koers.deliveries.workflow import record
from koers.indicators.models import Indicator

log = logging.getLogger("koers.deliveries")

# SQLite page cache during an import (KiB): on 1M rows as fast as the usual 256 MiB
# within noise (32 MiB cost ~3 %), and it does not grow with the file.
IMPORT_PAGE_CACHE_KIB = 65_536
BATCH_ATTEMPTS = 5  # a batch whose versions another import took meanwhile is retried
DELETE_ROWS = 50_000  # rows deleted per short transaction when an import is undone


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


@dataclass
class _Tally:
    created: int = 0
    replacing: int = 0
    pairs: set[tuple[int, int]] = field(default_factory=set)
    clash: Exception | None = None


def _store_batch(table: pa.Table, delivery: Delivery, history: HistoryCache, now) -> tuple:
    """Insert one batch's new and changed values in one short transaction."""
    indicator_ids = pc.unique(table["indicator_id"]).to_pylist()
    parts = {
        i: table if len(indicator_ids) == 1 else table.filter(pc.equal(table["indicator_id"], i))
        for i in indicator_ids
    }
    diffs = {i: versions.diff(rows, history.current(i, rows)) for i, rows in parts.items()}
    created = replacing = 0
    with transaction.atomic():
        for new, n_replacing in diffs.values():
            created += versions.insert(new, delivery_id=delivery.pk, recorded_at=now)
            replacing += n_replacing
        lease.beat(delivery)
    return created, replacing


def _store_with_retry(table, delivery, history, now, tally: _Tally) -> None:
    for attempt in range(BATCH_ATTEMPTS):
        try:
            created, replacing = _store_batch(table, delivery, history, now)
        except (IntegrityError, OperationalError) as exc:
            # Another import took a version number (or a duplicate the file checks report
            # later): the retry reads the batch's versions again.
            for indicator_id in pc.unique(table["indicator_id"]).to_pylist():
                history.forget(indicator_id)
            if attempt == BATCH_ATTEMPTS - 1:
                tally.clash = exc
            continue
        tally.created += created
        tally.replacing += replacing
        return


def _pairs(table: pa.Table) -> set[tuple[int, int]]:
    pairs = table.select(["indicator_id", "area_id"]).group_by(["indicator_id", "area_id"])
    found = pairs.aggregate([]).to_pydict()
    return set(zip(found["indicator_id"], found["area_id"], strict=True))


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


def _read_ahead(ingest, ids: IdMaps) -> Iterator[tuple[pa.Table, bool]]:
    """Each batch with its ids, and whether the report was still valid after it.

    Runs in the worker: it reads only the file and the id maps, never the database.
    """
    for batch in ingest.read_batches():
        yield ids.attach(batch), ingest.report.valid


def _store_all(ingest, delivery: Delivery, history: HistoryCache) -> _Tally:
    """Store every batch in its own short transaction while the file stays valid.

    The file is read and validated a batch ahead in a worker thread while this thread
    inserts; the whole-file checks run here, as they may look up history in the database.
    """
    ids = IdMaps.load()
    now = timezone.now()
    tally = _Tally()
    with prefetched(_read_ahead(ingest, ids)) as batches:
        for number, (table, valid) in enumerate(batches, start=1):
            if tally.clash or not valid:
                continue  # keep reading for a complete report; store nothing more
            tally.pairs |= _pairs(table)
            _store_with_retry(table, delivery, history, now, tally)
            fault_point(f"after_batch_{number}")
    lease.beat(delivery)
    ingest.finish()
    return tally


def delete_rows(delivery_id: int, *, fault: str | None = None) -> int:
    """Delete a delivery's observations in short transactions; return how many."""
    table = versions.TABLE
    batch = f"SELECT id FROM {table} WHERE delivery_id = %s LIMIT %s"  # noqa: S608 - our table
    if connection.vendor == "postgresql":
        # ARRAY(...) is computed once and the ids are then found through the primary key.
        # "id IN (subquery)" let the planner pick a nested loop over two sequential scans
        # when the table's statistics were stale right after a bulk import: minutes, not ms.
        sql = f"DELETE FROM {table} WHERE id = ANY(ARRAY({batch}))"  # noqa: S608
    else:
        sql = f"DELETE FROM {table} WHERE id IN ({batch})"  # noqa: S608
    deleted = 0
    while True:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [delivery_id, DELETE_ROWS])
            count = cursor.rowcount
        if count <= 0:
            return deleted
        deleted += count
        if fault:
            fault_point(fault)


def _mapping_used(mapping_path: Path | None, ingest) -> Path | None:
    """The mapping file given, or the shipped one the file was recognised by (None: template)."""
    if mapping_path:
        return mapping_path
    used = getattr(ingest, "mapping", None)
    shipped = MAPPINGS_DIR / used.file if used else None
    return shipped if shipped and shipped.is_file() else None


def accept(
    path: Path,
    *,
    mapping_path: Path | None = None,
    province: str | None = None,
    user=None,
    channel: str = "cli",
    name: str | None = None,
    hold: bool = False,
) -> Delivery:
    """Keep ``path`` and record a `received` delivery for process() to import.

    The file is opened first: one that no mapping fits raises and records nothing.
    ``hold`` makes this process the delivery's importer at once (receive() does), so a
    crash before process() starts is recovered like one during it.
    """
    if user is not None:  # the CLI is trusted; the web and the API always pass their user
        require(user, Action.UPLOAD_DELIVERY, province=province)
    mapping = load_mapping(mapping_path) if mapping_path else None
    probe = read_delivery(path, mapping, validation_context(province=province))
    mapping_path = _mapping_used(mapping_path, probe)
    stored = keep_original(path, name=name)
    pid, host = lease.holder() if hold else (None, "")
    with transaction.atomic():
        delivery = Delivery.objects.create(
            file=stored,
            mapping_name=mapping_path.name if mapping_path else "",
            mapping_text=mapping_path.read_text(encoding="utf-8") if mapping_path else "",
            province=Area.objects.get(code=province) if province else None,
            channel=channel,
            submitted_by=user if getattr(user, "is_authenticated", False) else None,
            worker_pid=pid,
            worker_host=host,
            heartbeat_at=timezone.now() if hold else None,
        )
        fault_point("before_accept_commit")
    fault_point("after_accept")
    return delivery


def _kept_source(delivery: Delivery, folder: Path) -> tuple[Path, Path | None]:
    """The kept original under its delivered name (readers go by it), and the mapping."""
    source = folder / (Path(delivery.file.name).name or "aanlevering")
    source.symlink_to(stored_path(delivery.file.sha256))
    mapping = None
    if delivery.mapping_text:
        mapping = folder / (delivery.mapping_name or "mapping.yaml")
        mapping.write_text(delivery.mapping_text, encoding="utf-8")
    return source, mapping


def settle(delivery: Delivery, status: str, *, report: dict, rows: int = 0, tally=None) -> None:
    """The one short transaction that ends an import: counts, report, pairs, status."""
    with transaction.atomic():
        if tally is not None and status == DeliveryStatus.VALIDATED:
            Coverage.objects.bulk_create(
                [Coverage(delivery=delivery, indicator_id=i, area_id=a) for i, a in tally.pairs],
                batch_size=1000,
            )
        delivery.rows = rows
        delivery.observations_created = tally.created if tally else 0
        delivery.observations_superseded = tally.replacing if tally else 0
        delivery.report = report
        delivery.save(
            update_fields=["rows", "observations_created", "observations_superseded", "report"]
        )
        fault_point("before_finish_commit")
        record(delivery, status, user=delivery.submitted_by)


def _fail(delivery: Delivery, reason: str) -> Delivery:
    delete_rows(delivery.pk)
    report = failure_report(ImportFailed, file=delivery.file.name, reason=reason)
    settle(delivery, DeliveryStatus.FAILED, report=report)
    return delivery


def _import(delivery: Delivery, folder: Path) -> Delivery:
    source, mapping_file = _kept_source(delivery, folder)
    history = HistoryCache(delivery.pk)
    province = delivery.province.code if delivery.province_id else None
    try:
        mapping = load_mapping(mapping_file) if mapping_file else None
        ingest = read_delivery(
            source, mapping, validation_context(province=province, history=history.lookup)
        )
    except IngestError as exc:
        return _fail(delivery, str(exc))
    tally = _store_all(ingest, delivery, history)
    report = ingest.report.to_dict()
    if not ingest.report.valid:
        delete_rows(delivery.pk, fault="during_rejection_cleanup")
        settle(delivery, DeliveryStatus.REJECTED, report=report, rows=ingest.rows_read)
    elif tally.clash is not None:
        return _fail(delivery, f"{type(tally.clash).__name__}: {tally.clash}")
    else:
        settle(
            delivery, DeliveryStatus.VALIDATED, report=report, rows=ingest.rows_read, tally=tally
        )
    return delivery


def process(delivery_id: int) -> Delivery:
    """Import a `received` delivery's kept original; do nothing in any other status.

    Idempotent and safe to retry: a delivery another live process is importing is left
    alone; one whose importer died is started again from nothing. Any failure ends in
    status `failed` with a finding that says why, never in a stuck delivery.
    """
    delivery = Delivery.objects.select_related("file", "province", "submitted_by").get(
        pk=delivery_id
    )
    if delivery.status != DeliveryStatus.RECEIVED or not lease.claim(delivery):
        return delivery
    delete_rows(delivery.pk)  # what an earlier, killed attempt left
    try:
        with _import_page_cache(), temp_files_here(), scratch_folder("import-") as folder:
            return _import(delivery, folder)
    except Exception as exc:  # noqa: BLE001 - an import never ends stuck
        log.exception("import of delivery %s failed", delivery.pk)
        try:
            return _fail(delivery, f"{type(exc).__name__}: {exc}")
        except DatabaseError:
            log.exception("delivery %s left for the recovery", delivery.pk)
            raise exc from None


def receive(
    path: Path,
    *,
    mapping_path: Path | None = None,
    province: str | None = None,
    user=None,
    channel: str = "cli",
    name: str | None = None,
) -> Delivery:
    """accept() and process() in one go: the CLI and callers that wait for the result."""
    delivery = accept(
        path,
        mapping_path=mapping_path,
        province=province,
        user=user,
        channel=channel,
        name=name,
        hold=True,
    )
    return process(delivery.pk)
