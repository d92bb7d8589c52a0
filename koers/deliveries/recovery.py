"""Find and repair what a crash left behind: run by `koers doctor` and at worker start.

- an import whose process is gone (a `received` delivery with a dead lease): its rows are
  deleted and it becomes `failed` ("import onderbroken");
- stored files nobody refers to: a file on disk without a StoredFile row, an unfinished
  copy (``.part``), a StoredFile row without a delivery (after a grace period);
- originals of rejected and failed deliveries past KOERS_REJECTED_FILE_RETENTION_DAYS;
- scratch folders of dead processes under ``<data>/tmp``.

Every repair is written to the audit log.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Max
from django.utils import timezone

from koers.config import config
from koers.deliveries import lease
from koers.deliveries.failures import ImportInterrupted, failure_report
from koers.deliveries.files import PARTIAL_SUFFIX, files_root, stored_path
from koers.deliveries.models import Delivery, DeliveryStatus, StoredFile
from koers.deliveries.scratch import on_this_host, owner, scratch_root
from koers.deliveries.storing import delete_rows, settle

ENDED = (DeliveryStatus.REJECTED, DeliveryStatus.FAILED)


@dataclass(frozen=True)
class Repair:
    """One thing found wrong, and what was (or, when only checking, would be) done."""

    kind: str  # interrupted_import | orphan_file | partial_file | orphan_record |
    #            expired_original | temp_folder
    subject: str
    reason: str
    delivery: int | None = None


@dataclass
class Recovery:
    repaired: bool  # False: only checked (`koers doctor --check`)
    found: list[Repair] = field(default_factory=list)
    waiting: list[int] = field(default_factory=list)  # received, no importer yet (queued)

    @property
    def clean(self) -> bool:
        return not self.found

    @property
    def interrupted(self) -> list[Repair]:
        return [r for r in self.found if r.kind == "interrupted_import"]

    def lines(self) -> list[str]:
        """One readable line per repair (or finding, when only checked)."""
        verb = "repaired" if self.repaired else "found"
        return [f"{verb}: {r.kind} {r.subject}: {r.reason}" for r in self.found]

    def to_dict(self) -> dict:
        return {
            "clean": self.clean,
            "repaired": self.repaired,
            "found": [asdict(r) for r in self.found],
            "waiting": self.waiting,
        }


def _older_than(path: Path, limit: timedelta, now: datetime) -> bool:
    try:
        modified = datetime.fromtimestamp(path.stat().st_mtime, tz=now.tzinfo)
    except FileNotFoundError:
        return False
    return now - modified > limit


def _why_dead(delivery: Delivery) -> str:
    if delivery.worker_host == lease.holder()[1] and not lease.pid_alive(delivery.worker_pid):
        return f"het importproces (pid {delivery.worker_pid}) bestaat niet meer"
    return f"geen teken van leven van het importproces sinds {delivery.heartbeat_at:%Y-%m-%d %H:%M}"


def _interrupted_imports(repair: bool, now: datetime, out: Recovery) -> None:
    for delivery in Delivery.objects.filter(status=DeliveryStatus.RECEIVED).select_related("file"):
        if delivery.worker_pid is None:
            out.waiting.append(delivery.pk)
            continue
        if not lease.is_dead(delivery, now=now):
            continue
        reason = _why_dead(delivery)
        if repair:
            if not lease.claim(delivery):
                continue  # another process took it over meanwhile
            delete_rows(delivery.pk)
            report = failure_report(ImportInterrupted, file=delivery.file.name, reason=reason)
            settle(delivery, DeliveryStatus.FAILED, report=report)
        out.found.append(Repair("interrupted_import", f"#{delivery.pk}", reason, delivery.pk))


def _stored_files(repair: bool, now: datetime, out: Recovery) -> None:
    grace = timedelta(minutes=config("KOERS_ORPHAN_GRACE_MINUTES"))
    root = files_root()
    if root.is_dir():
        known = set(StoredFile.objects.values_list("sha256", flat=True))
        for path in sorted(root.rglob("*")):
            if not path.is_file() or not _older_than(path, grace, now):
                continue
            if path.name.endswith(PARTIAL_SUFFIX):
                kind, reason = "partial_file", "onvoltooide kopie"
            elif path.name not in known:
                kind, reason = "orphan_file", "bestand zonder aanlevering"
            else:
                continue
            if repair:
                path.unlink(missing_ok=True)
            out.found.append(Repair(kind, str(path.relative_to(root)), reason))
    unused = StoredFile.objects.filter(deliveries__isnull=True, received_at__lt=now - grace)
    for stored in unused:
        if repair:
            stored_path(stored.sha256).unlink(missing_ok=True)
            stored.delete()
        out.found.append(
            Repair("orphan_record", stored.sha256, "vastgelegd bestand zonder aanlevering")
        )


def _expired_originals(repair: bool, now: datetime, out: Recovery) -> None:
    cutoff = now - timedelta(days=config("KOERS_REJECTED_FILE_RETENTION_DAYS"))
    candidates = (
        StoredFile.objects.exclude(deliveries__status__in=[*set(DeliveryStatus) - set(ENDED)])
        .annotate(last=Max("deliveries__received_at"))
        .filter(last__lt=cutoff)
    )
    for stored in candidates:
        path = stored_path(stored.sha256)
        if not path.exists():
            continue
        if repair:
            path.unlink(missing_ok=True)
        out.found.append(Repair("expired_original", stored.sha256, "bewaartermijn verstreken"))


def _temp_folders(repair: bool, out: Recovery) -> None:
    root = scratch_root()
    if not root.is_dir():
        return
    for folder in sorted(root.iterdir()):
        who = owner(folder)
        if who is None or not on_this_host(who[1]) or who[0] == os.getpid():
            continue
        if lease.pid_alive(who[0]):
            continue
        if repair:
            shutil.rmtree(folder, ignore_errors=True)
        out.found.append(Repair("temp_folder", folder.name, f"proces {who[0]} bestaat niet meer"))


def _audit(found: list[Repair]) -> None:
    """One audit-log entry per run that repaired something (the status changes have theirs)."""
    LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(Delivery),
        object_pk="recovery",
        object_repr="koers doctor: herstel na onderbreking",
        action=LogEntry.Action.UPDATE,
        changes={"recovery": [f"{r.kind}: {r.subject} ({r.reason})" for r in found]},
        additional_data={"recovery": [asdict(r) for r in found]},
    )


def recover(*, repair: bool = True, now: datetime | None = None) -> Recovery:
    """Find (and unless ``repair=False``, repair) what interrupted work left behind."""
    now = now or timezone.now()
    out = Recovery(repaired=repair)
    _interrupted_imports(repair, now, out)
    _stored_files(repair, now, out)
    _expired_originals(repair, now, out)
    _temp_folders(repair, out)
    if repair and out.found:
        _audit(out.found)
    return out
