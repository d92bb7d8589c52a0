"""One publication, many renderings: the writer behind every published file suffix."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from koers.publication.dataset import Publication
from koers.publication.dcat import catalogue_graph, dataset_graph, serialize
from koers.publication.describe import IndicatorInfo
from koers.publication.formats import FORMATS, Site
from koers.publication.sdmx_data import write_sdmx_csv, write_sdmx_ml
from koers.publication.sdmx_structure import structure_of
from koers.publication.tidy import table_for, write_csv, write_json, write_parquet


@dataclass(frozen=True)
class Rendering:
    """What a writer needs besides the data: the site and every indicator in the DSD."""

    site: Site
    #: every published indicator, so one DSD covers the per-indicator SDMX files too
    structure_indicators: tuple[IndicatorInfo, ...]
    per_indicator: bool


def _csv(pub: Publication, path: Path, how: Rendering) -> None:
    write_csv(table_for(pub, per_indicator=how.per_indicator), path)


def _parquet(pub: Publication, path: Path, how: Rendering) -> None:
    write_parquet(table_for(pub, per_indicator=how.per_indicator), path)


def _json(pub: Publication, path: Path, how: Rendering) -> None:
    write_json(pub, table_for(pub, per_indicator=how.per_indicator), path, lic=how.site.licence)


def _sdmx_ml(pub: Publication, path: Path, how: Rendering) -> None:
    write_sdmx_ml(pub, path, structure=structure_of(how.structure_indicators))


def _sdmx_csv(pub: Publication, path: Path, how: Rendering) -> None:
    write_sdmx_csv(pub, path, structure=structure_of(how.structure_indicators))


def _dcat(suffix: str) -> Callable[[Publication, Path, Rendering], None]:
    def write(pub: Publication, path: Path, how: Rendering) -> None:
        graph = (dataset_graph if how.per_indicator else catalogue_graph)(pub, how.site)
        path.write_bytes(serialize(graph, suffix))

    return write


WRITERS: dict[str, Callable[[Publication, Path, Rendering], None]] = {
    "csv": _csv,
    "parquet": _parquet,
    "json": _json,
    "sdmx.xml": _sdmx_ml,
    "sdmx.csv": _sdmx_csv,
    "ttl": _dcat("ttl"),
    "jsonld": _dcat("jsonld"),
}
assert set(WRITERS) == set(FORMATS), "every published format needs a writer"


def render(publication: Publication, suffix: str, path: Path, how: Rendering) -> Path:
    """Write ``publication`` as one file of format ``suffix`` to ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    WRITERS[suffix](publication, path, how)
    return path
