"""Take a backup into an empty folder, and restore one into an empty instance.

Order matters for consistency: the database first, then exactly the stored files its
snapshot names (content-addressed files never change, so a later copy is the same file),
then the analytics store, which a restore rebuilds anyway. manifest.json lists every file
with its sha256; a restore checks all of them before it touches anything.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from koers.backup import database
from koers.backup.errors import BackupError, ManifestMismatch, TargetNotEmpty
from koers.config import data_dir
from koers.deliveries.files import sha256_of

MANIFEST = "manifest.json"
FORMAT = 1
_CHUNK = 1 << 20


@dataclass
class Summary:
    """What a backup or restore did, for the command line and the log."""

    database: str
    files: int = 0
    missing_files: list[str] = field(default_factory=list)
    analytics_files: int = 0
    recovery: list[str] = field(default_factory=list)
    refreshed: bool = False
    open_data_queued: bool = False


def backup(folder: Path) -> Summary:
    """Write a complete backup of this instance into ``folder`` (new or empty)."""
    folder = folder.resolve()
    if folder.exists() and any(folder.iterdir()):
        raise TargetNotEmpty(f"{folder} is not empty; a backup goes into a new folder")
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o700)  # it holds what the data folder holds: password hashes, originals
    db_name, shas = database.dump(folder)
    entries = [_entry(folder, folder / db_name)]
    summary = Summary(database=db_name)
    source = data_dir()
    for sha in sorted(set(shas)):
        relative = Path("files") / sha[:2] / sha
        if not (source / relative).exists():
            summary.missing_files.append(sha)  # removed after the snapshot (retention)
            continue
        entries.append(_copy(source / relative, folder / relative, folder))
        summary.files += 1
    analytics = source / "analytics"
    for path in sorted(p for p in analytics.rglob("*") if p.is_file()):
        entries.append(_copy(path, folder / path.relative_to(source), folder))
        summary.analytics_files += 1
    manifest = {
        "format": FORMAT,
        "created_at": datetime.now(UTC).isoformat(),
        "database": db_name,
        "missing_files": summary.missing_files,
        "files": entries,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return summary


def restore(folder: Path, *, force: bool = False) -> Summary:
    """Load a backup into this instance, then repair interrupted work and refresh figures."""
    folder = folder.resolve()
    manifest = verify(folder)
    target = data_dir()
    if not force and (_has_data(target) or database.holds_data()):
        raise TargetNotEmpty(
            f"the data folder {target} or its database already holds data; "
            "restore into an empty instance, or pass --force to overwrite it"
        )
    database.load(folder / manifest["database"])
    for kind in ("files", "analytics"):
        if (folder / kind).exists():
            shutil.rmtree(target / kind, ignore_errors=True)
            shutil.copytree(folder / kind, target / kind)
    summary = Summary(database=manifest["database"])
    summary.files = sum(1 for e in manifest["files"] if e["path"].startswith("files/"))
    summary.analytics_files = sum(
        1 for e in manifest["files"] if e["path"].startswith("analytics/")
    )
    _after_restore(summary)
    return summary


def verify(folder: Path) -> dict:
    """The manifest, after checking that every file it lists is there with its sha256."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ManifestMismatch(f"{folder / MANIFEST}: not a Koers backup ({exc})") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{folder}: backup format {manifest.get('format')} is not {FORMAT}")
    for entry in manifest["files"]:
        path = folder / entry["path"]
        if not path.is_file():
            raise ManifestMismatch(f"{entry['path']}: missing from the backup")
        if sha256_of(path) != entry["sha256"]:
            raise ManifestMismatch(f"{entry['path']}: sha256 differs from the manifest")
    return manifest


def _after_restore(summary: Summary) -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)  # a backup of an older Koers
    _end_leases()
    try:
        from koers.deliveries.recovery import recover
    except ImportError:  # pragma: no cover - recovery arrived with the crash-safe imports
        recover = None
    if recover is not None:
        summary.recovery = recover().lines()
    from koers.analytics.store import refresh_indicators

    refresh_indicators()
    summary.refreshed = True
    try:  # the prebuilt open-data files are not in a backup: the worker rebuilds them
        from koers.jobs.tasks import enqueue_open_data_build
    except ImportError:  # pragma: no cover - before the jobs app
        return
    enqueue_open_data_build()
    summary.open_data_queued = True


def _end_leases() -> None:
    """Imports that were running when the backup was taken never run here: mark them dead.

    Their lease (pid, host, heartbeat) belongs to the backed-up instance; an old heartbeat
    on no host lets the recovery settle them as interrupted.
    """
    from koers.deliveries.models import Delivery, DeliveryStatus

    Delivery.objects.filter(status=DeliveryStatus.RECEIVED).exclude(worker_pid=None).update(
        worker_host="", heartbeat_at=datetime(2000, 1, 1, tzinfo=UTC)
    )


def _has_data(folder: Path) -> bool:
    return any(
        any(p.is_file() for p in (folder / kind).rglob("*")) for kind in ("files", "analytics")
    )


def _copy(source: Path, target: Path, root: Path) -> dict:
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    with open(source, "rb") as src, open(target, "wb") as out:
        while chunk := src.read(_CHUNK):
            digest.update(chunk)
            out.write(chunk)
    target.chmod(0o600)
    return {
        "path": target.relative_to(root).as_posix(),
        "sha256": digest.hexdigest(),
        "size": target.stat().st_size,
    }


def _entry(root: Path, path: Path) -> dict:
    path.chmod(0o600)
    return {
        "path": path.relative_to(root).as_posix(),
        "sha256": sha256_of(path),
        "size": path.stat().st_size,
    }
