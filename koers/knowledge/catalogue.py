"""Published practices in the DCAT catalogue: one dataset, its JSON distribution in the API."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, XSD

from koers.knowledge.models import LICENCE, PracticeStatus, PracticeVersion
from koers.publication.formats import FORMATS
from koers.publication.vocabularies import licence

JSON = FORMATS["json"]


def add_practices(graph, site, *, publisher, contact) -> None:
    """A dcat:Dataset of the published practices, once there is one (called by the catalogue)."""
    latest = (
        PracticeVersion.objects.filter(status=PracticeStatus.PUBLISHED)
        .order_by("-published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    if latest is None:
        return
    base = site.base_url.rstrip("/")
    dataset = URIRef(f"{base}/kennis/")
    graph.add((dataset, RDF.type, DCAT.Dataset))
    graph.add((dataset, DCTERMS.title, Literal("Praktijkvoorbeelden en lessen", lang="nl")))
    graph.add((dataset, DCTERMS.title, Literal("Practices and lessons", lang="en")))
    graph.add((dataset, DCTERMS.description, Literal(
        "Wat provincies in gebiedsprocessen probeerden, wat werkte en wat niet, gekoppeld aan "
        "de doelen van het Bestuursprogramma IPO en aan gebieden.", lang="nl",
    )))  # fmt: skip
    graph.add((dataset, DCTERMS.identifier, Literal(str(dataset))))
    graph.add((dataset, DCTERMS.publisher, publisher))
    graph.add((dataset, DCAT.contactPoint, contact))
    graph.add((dataset, DCAT.landingPage, dataset))
    graph.add((dataset, DCAT.keyword, Literal("leren door te doen", lang="nl")))
    graph.add((dataset, DCTERMS.license, URIRef(licence(LICENCE).eu_uri)))
    graph.add((dataset, DCTERMS.modified, Literal(latest, datatype=XSD.dateTime)))
    dist = URIRef(f"{base}/api/v1/praktijkvoorbeelden")
    graph.add((dataset, DCAT.distribution, dist))
    graph.add((dist, RDF.type, DCAT.Distribution))
    graph.add((dist, DCTERMS.title, Literal("Praktijkvoorbeelden (JSON, API)", lang="nl")))
    graph.add((dist, DCAT.accessURL, dist))
    graph.add((dist, DCAT.mediaType, URIRef(JSON.media_type_uri)))
    graph.add((dist, DCTERMS.format, URIRef(JSON.file_type_uri)))
    graph.add((dist, DCTERMS.license, URIRef(licence(LICENCE).eu_uri)))
