"""The published files: their names, media types and where they live on the site."""

from __future__ import annotations

from dataclasses import dataclass

from koers.publication.vocabularies import EU, Licence

IANA = "http://www.iana.org/assignments/media-types/"
FOLDER = "indicatoren"  # per-indicator files, also the datapackage's resource folder
COMBINED = "alle-indicatoren"  # every published indicator in one file
CATALOGUE = "catalogus"  # the DCAT catalogue of all datasets
STRUCTURE = "structuur.sdmx.xml"  # the SDMX data structure definition
DATAPACKAGE = "datapackage.json"


@dataclass(frozen=True)
class FileFormat:
    suffix: str  # without the leading dot, e.g. "sdmx.xml"
    label: str
    content_type: str  # what an HTTP response says
    media_type: str  # IANA media type for DCAT
    eu_file_type: str  # EU file-type authority code
    metadata: bool = False  # describes the data rather than holding it

    @property
    def media_type_uri(self) -> str:
        return IANA + self.media_type

    @property
    def file_type_uri(self) -> str:
        return EU + "file-type/" + self.eu_file_type


FORMATS = {
    f.suffix: f
    for f in (
        FileFormat("csv", "CSV", "text/csv; charset=utf-8", "text/csv", "CSV"),
        FileFormat(
            "parquet", "Parquet", "application/vnd.apache.parquet",
            "application/vnd.apache.parquet", "PARQUET",
        ),
        FileFormat("json", "JSON", "application/json", "application/json", "JSON"),
        FileFormat(
            "sdmx.xml", "SDMX-ML",
            "application/vnd.sdmx.structurespecificdata+xml; version=2.1; charset=utf-8",
            "application/xml", "SDMX",
        ),
        FileFormat(
            "sdmx.csv", "SDMX-CSV", "application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8",
            "text/csv", "CSV",
        ),
        FileFormat(
            "ttl", "DCAT (Turtle)", "text/turtle; charset=utf-8", "text/turtle", "RDF_TURTLE",
            metadata=True,
        ),
        FileFormat(
            "jsonld", "DCAT (JSON-LD)", "application/ld+json", "application/ld+json", "JSON_LD",
            metadata=True,
        ),
    )
}  # fmt: skip
DATA_FORMATS = [f for f in FORMATS.values() if not f.metadata]
META_FORMATS = [f for f in FORMATS.values() if f.metadata]


def indicator_file(code: str, suffix: str) -> str:
    return f"{FOLDER}/{code}.{suffix}"


def combined_file(suffix: str) -> str:
    return f"{CATALOGUE if FORMATS[suffix].metadata else COMBINED}.{suffix}"


@dataclass(frozen=True)
class Site:
    """Where the files are published and under which licence."""

    base_url: str  # scheme and host, e.g. https://koers.example.nl
    licence: Licence

    def url(self, relative: str = "") -> str:
        return f"{self.base_url.rstrip('/')}/open-data/{relative}"

    def dataset_uri(self, code: str) -> str:
        return self.url(f"{FOLDER}/{code}")

    def landing_page(self, code: str) -> str:
        return self.url(f"#{code}")
