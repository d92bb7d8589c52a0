"""`koers export`: write every published file into a folder laid out like /open-data/."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from koers.publication.datapackage import write_datapackage
from koers.publication.dataset import Publication, published
from koers.publication.errors import NothingPublished, UnknownFormat
from koers.publication.formats import STRUCTURE, Site, combined_file, indicator_file
from koers.publication.renderings import Rendering, render
from koers.publication.sdmx_structure import write_structure
from koers.publication.vocabularies import DEFAULT_LICENCE, licence

#: export format → the file suffixes it writes (per indicator and combined)
EXPORT_FORMATS: dict[str, tuple[str, ...]] = {
    "csv": ("csv",),
    "parquet": ("parquet",),
    "json": ("json",),
    "datapackage": (),
    "sdmx": ("sdmx.xml", "sdmx.csv"),
    "dcat": ("ttl", "jsonld"),
}


@dataclass
class ExportReport:
    folder: Path
    indicators: int
    rows: int
    files: list[Path] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # per export format


def write_format(publication: Publication, name: str, folder: Path, *, site: Site) -> list[Path]:
    """Write one export format: a file per indicator and one for all of them."""
    if name not in EXPORT_FORMATS:
        raise UnknownFormat(name, list(EXPORT_FORMATS))
    if name == "datapackage":
        return [write_datapackage(publication, folder, lic=site.licence)]
    everything = tuple(publication.indicators.values())
    files = []
    if name == "sdmx":
        files.append(folder / STRUCTURE)
        write_structure(everything, files[-1], prepared=publication.generated_at)
    for suffix in EXPORT_FORMATS[name]:
        combined = Rendering(site, everything, per_indicator=False)
        files.append(render(publication, suffix, folder / combined_file(suffix), combined))
        single = Rendering(site, everything, per_indicator=True)
        for code in publication.indicators:
            path = folder / indicator_file(code, suffix)
            files.append(render(publication.only(code), suffix, path, single))
    return files


def write_publication(
    publication: Publication,
    folder: Path,
    *,
    formats: list[str],
    site: Site,
    progress: Callable[[str], None] | None = None,
    files: list[Path] | None = None,
) -> dict[str, float]:
    """Write ``publication`` in every requested format; seconds per format.

    The one writer behind `koers export` and the prebuilt open data (build.py).
    """
    for name in formats:
        if name not in EXPORT_FORMATS:
            raise UnknownFormat(name, list(EXPORT_FORMATS))
    folder.mkdir(parents=True, exist_ok=True)
    seconds = {}
    for name in formats:
        started = time.perf_counter()
        written = write_format(publication, name, folder, site=site)
        if files is not None:
            files += written
        seconds[name] = time.perf_counter() - started
        if progress:
            progress(name)
    return seconds


def export(
    folder: Path,
    *,
    formats: list[str],
    base_url: str,
    indicators: list[str] | None = None,
    licence_name: str = DEFAULT_LICENCE,
    progress: Callable[[str], None] | None = None,
) -> ExportReport:
    """Query the published observations once and write them in every requested format."""
    for name in formats:
        if name not in EXPORT_FORMATS:
            raise UnknownFormat(name, list(EXPORT_FORMATS))
    site = Site(base_url=base_url, licence=licence(licence_name))
    started = time.perf_counter()
    publication = published(indicators=indicators)
    if not publication.indicators:
        raise NothingPublished(indicators[0] if indicators and len(indicators) == 1 else None)
    report = ExportReport(folder, len(publication.indicators), publication.observations.num_rows)
    report.seconds["query"] = time.perf_counter() - started
    report.seconds |= write_publication(
        publication, folder, formats=formats, site=site, progress=progress, files=report.files
    )
    return report
