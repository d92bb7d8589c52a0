"""The published progress reports in the DCAT catalogue: a dataset per year, a distribution
per format of its latest published version, and each published version by its own URL."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, XSD

from koers.reporting.models import Report

MEDIA = {
    "html": ("text/html", "HTML", "HTML"),
    "pdf": ("application/pdf", "PDF", "PDF"),
}
IANA = "http://www.iana.org/assignments/media-types/"
DCAT_VERSION = URIRef("http://www.w3.org/ns/dcat#version")  # DCAT 3; not in rdflib's DCAT
EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"


def report_url(site, year: int, suffix: str = "") -> str:
    """The stable address of a year's report (its latest published version)."""
    return f"{site.base_url.rstrip('/')}/rapportages/{year}{suffix}"


def add_reports(graph, site, *, publisher, contact) -> None:
    """Add a dcat:Dataset per year with a published report (called by the catalogue)."""
    by_year: dict[int, list[Report]] = {}
    for report in Report.objects.exclude(published_at=None).order_by("year", "-version"):
        by_year.setdefault(report.year, []).append(report)
    for year, versions in by_year.items():
        latest = versions[0]
        dataset = URIRef(report_url(site, year))
        graph.add((dataset, RDF.type, DCAT.Dataset))
        graph.add((dataset, DCTERMS.title, Literal(f"Voortgangsrapportage {year}", lang="nl")))
        graph.add((dataset, DCTERMS.title, Literal(f"Progress report {year}", lang="en")))
        graph.add((dataset, DCTERMS.description, Literal(
            "De jaarlijkse voortgangsrapportage van het Bestuursprogramma IPO voor GS en PS: "
            "per thema de doelen met status, prognose, grafieken, werkzaamheden en "
            "vastgestelde bijstellingen.", lang="nl",
        )))  # fmt: skip
        graph.add((dataset, DCTERMS.identifier, Literal(str(dataset))))
        graph.add((dataset, DCTERMS.publisher, publisher))
        graph.add((dataset, DCAT.contactPoint, contact))
        graph.add((dataset, DCAT.landingPage, URIRef(report_url(site, year))))
        graph.add((dataset, DCAT.keyword, Literal("voortgangsrapportage", lang="nl")))
        graph.add((dataset, DCTERMS.license, URIRef(site.licence.eu_uri)))
        graph.add((dataset, DCTERMS.issued, Literal(latest.published_at, datatype=XSD.dateTime)))
        graph.add((dataset, DCAT_VERSION, Literal(str(latest.version))))
        for suffix, (media, label, file_type) in MEDIA.items():
            if suffix == "pdf" and not latest.pdf_sha256:
                continue
            dist = URIRef(report_url(site, year, f".{suffix}"))
            graph.add((dataset, DCAT.distribution, dist))
            graph.add((dist, RDF.type, DCAT.Distribution))
            graph.add((dist, DCTERMS.title, Literal(f"Voortgangsrapportage {year} ({label})",
                                                     lang="nl")))  # fmt: skip
            graph.add((dist, DCAT.accessURL, URIRef(report_url(site, year))))
            graph.add((dist, DCAT.downloadURL, dist))
            graph.add((dist, DCAT.mediaType, URIRef(IANA + media)))
            graph.add((dist, DCTERMS.format, URIRef(EU_FILE_TYPE + file_type)))
            graph.add((dist, DCTERMS.license, URIRef(site.licence.eu_uri)))
        for report in versions:
            graph.add((dataset, DCTERMS.hasVersion,
                       URIRef(report_url(site, year, f"/v{report.version}"))))  # fmt: skip
