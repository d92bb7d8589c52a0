"""Prebuilt open data: every download and the /open-data/ page, written once per publication.

A build writes into a fresh folder under ``<data>/open-data/builds/`` and, when it is
complete, points the ``current`` symlink at it with one atomic rename. Visitors are only
ever served a complete build; two builds at once never mix, and the one that read the
newer data wins. Web servers may serve ``current/`` directly (docs/open-data.md).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import mimetypes
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from koers.config import config
from koers.publication.dataset import Publication, published
from koers.publication.export import EXPORT_FORMATS, write_publication
from koers.publication.formats import FORMATS, STRUCTURE, Site
from koers.publication.page import PAGES, dataset_facts, render_page
from koers.publication.prebuilt import CURRENT, MANIFEST, open_data_root, read_manifest
from koers.publication.provenance import last_changes
from koers.publication.vocabularies import DEFAULT_LICENCE, licence

KEEP_BUILDS = 2  # the current one and the one before: a download may still be reading it
STALE_SECONDS = 6 * 3600  # an unfinished build folder this old belongs to a crashed build


@dataclass
class BuildReport:
    folder: Path  # the build's own folder (gone again when ``superseded``)
    indicators: int
    rows: int
    files: int
    seconds: float
    superseded: bool = False  # a build that read newer data finished first and stays
    timings: dict[str, float] = field(default_factory=dict)


def content_type(relative: str) -> str:
    """The media type a download is served with (also what a web server should send)."""
    if relative.endswith(".html"):
        return "text/html; charset=utf-8"
    if relative.endswith(STRUCTURE):
        return "application/vnd.sdmx.structure+xml; version=2.1; charset=utf-8"
    for suffix, fmt in sorted(FORMATS.items(), key=lambda item: -len(item[0])):
        if relative.endswith("." + suffix):
            return fmt.content_type
    return mimetypes.guess_type(relative)[0] or "application/octet-stream"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _iso(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat() if moment else None


def _last_modified(relative: str, publication: Publication, latest: datetime) -> datetime:
    """A file changes when its data last changed: its indicator's, else any indicator's."""
    code = relative.removeprefix("indicatoren/").split(".", 1)[0]
    info = publication.indicators.get(code) if relative.startswith("indicatoren/") else None
    return (info.last_published if info else None) or latest


def _manifest(folder: Path, publication: Publication, *, started: int, site: Site) -> dict:
    built = datetime.now(UTC).replace(microsecond=0)
    # Withdrawn indicators count too: a withdrawal changes the combined files.
    latest = max(last_changes().values(), default=None)
    latest = latest.replace(microsecond=0) if latest else built
    files = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        relative = path.relative_to(folder).as_posix()
        files[relative] = {
            "sha256": _sha256(path),
            "size": path.stat().st_size,
            "content_type": content_type(relative),
            "last_modified": _iso(_last_modified(relative, publication, latest)),
        }
    return {
        "started_ns": started,  # orders concurrent builds: the later start read newer data
        "built_at": _iso(built),
        "base_url": site.base_url,
        "licence": site.licence.spdx,
        "indicators": list(publication.indicators),
        "rows": publication.observations.num_rows,
        "datasets": dataset_facts(publication),
        "files": files,
    }


def _swap_in(root: Path, folder: Path, started: int) -> bool:
    """Point ``current`` at ``folder`` unless a build that started later is already there."""
    with (root / ".lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # two builds never compare-and-swap at once
        present = read_manifest(root / CURRENT)
        swapped = not (present and present["started_ns"] > started)
        if swapped:
            link = root / f".{CURRENT}-{os.getpid()}-{started}"
            link.symlink_to(Path("builds") / folder.name)
            os.replace(link, root / CURRENT)  # atomic: a reader sees the old or the new build
        else:
            shutil.rmtree(folder, ignore_errors=True)
        _tidy(root)  # under the lock: it never removes a build that is about to be swapped in
        return swapped


def _tidy(root: Path) -> None:
    """Remove builds older than the current one but the newest few, and crashed builds."""
    builds = root / "builds"
    current = Path(os.path.realpath(root / CURRENT)).name
    older = sorted(
        (p for p in builds.iterdir() if not p.name.startswith(".") and p.name < current),
        key=lambda p: p.name,
        reverse=True,
    )  # names start with the zero-padded start time, so they sort by age
    for old in older[KEEP_BUILDS - 1 :]:
        shutil.rmtree(old, ignore_errors=True)
    now = time.time()
    for unfinished in builds.glob(".build-*"):
        with contextlib.suppress(FileNotFoundError):  # another build may just have renamed it
            if now - unfinished.stat().st_mtime > STALE_SECONDS:
                shutil.rmtree(unfinished, ignore_errors=True)


def build_open_data(
    *,
    base_url: str | None = None,
    licence_name: str = DEFAULT_LICENCE,
    progress: Callable[[str], None] | None = None,
) -> BuildReport:
    """Write every open-data file and page into a new build and make it the current one.

    Safe to run concurrently (a job after each refresh, an operator by hand): each build
    has its own folder, and the swap keeps the build that read the newer data.
    """
    clock = time.perf_counter()
    started = time.time_ns()
    root = open_data_root()
    builds = root / "builds"
    builds.mkdir(parents=True, exist_ok=True)
    address = (base_url or config("KOERS_PUBLIC_URL")).rstrip("/")
    site = Site(base_url=address, licence=licence(licence_name))
    folder = Path(tempfile.mkdtemp(prefix=".build-", dir=builds))
    try:
        publication = published()
        timings = {"query": time.perf_counter() - clock}
        if publication.indicators:
            timings |= write_publication(
                publication, folder, formats=list(EXPORT_FORMATS), site=site, progress=progress
            )
        for language in PAGES:
            step = time.perf_counter()
            render_page(publication, language, folder / PAGES[language], site=site)
            timings[f"page {language}"] = time.perf_counter() - step
        manifest = _manifest(folder, publication, started=started, site=site)
        (folder / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
        folder.chmod(0o755)  # mkdtemp makes it private; a web server may serve it directly
        final = folder.with_name(f"{started:020d}-{os.getpid()}")
        folder.rename(final)
        folder = final
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    swapped = _swap_in(root, folder, started)
    return BuildReport(
        folder=folder,
        indicators=len(publication.indicators),
        rows=publication.observations.num_rows,
        files=len(manifest["files"]),
        seconds=time.perf_counter() - clock,
        superseded=not swapped,
        timings=timings,
    )
