"""DCAT-AP-NL 3.0 metadata: a dataset per indicator, a catalogue of all, in RDF."""

from __future__ import annotations

from collections.abc import Callable

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, RDFS, SKOS, XSD

from koers.areas.models import Area
from koers.publication.dataset import Publication
from koers.publication.describe import IndicatorInfo
from koers.publication.formats import DATA_FORMATS, Site, combined_file, indicator_file
from koers.publication.vocabularies import (
    ACCESS_PUBLIC,
    COUNTRY_NL,
    LANGUAGES,
    PUBLISHER_TYPE,
    dataset_status,
    eu_themes,
    frequency,
)

ADMS = Namespace("http://www.w3.org/ns/adms#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
PUBLISHER = {"nl": "Interprovinciaal Overleg (IPO)", "en": "Interprovincial Consultation (IPO)"}
PREFIXES = {"dcat": DCAT, "dct": DCTERMS, "foaf": FOAF, "vcard": VCARD, "adms": ADMS, "skos": SKOS}


#: Other apps' datasets in the catalogue (the progress reports, …): each is called with
#: (graph, site, publisher=…, contact=…) and adds its own dcat:Dataset subjects.
CATALOGUE_EXTENSIONS: list[Callable[..., None]] = []


def _graph() -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def _texts(graph: Graph, subject, predicate, texts: dict[str, str]) -> None:
    for language, text in texts.items():
        graph.add((subject, predicate, Literal(text, lang=language)))


def _agent(graph: Graph, name: str, uri: str | None = None, *, kind: str | None = None):
    agent = URIRef(uri) if uri else BNode()
    graph.add((agent, RDF.type, FOAF.Agent))
    graph.add((agent, FOAF.name, Literal(name)))
    if kind:
        graph.add((agent, DCTERMS.type, URIRef(kind)))
    return agent


def _publisher(graph: Graph):
    agent = _agent(graph, PUBLISHER["nl"], kind=PUBLISHER_TYPE)
    graph.add((agent, FOAF.name, Literal(PUBLISHER["en"], lang="en")))
    return agent


def _contact(graph: Graph, site: Site):
    contact = BNode()
    graph.add((contact, RDF.type, VCARD.Organization))
    graph.add((contact, VCARD.fn, Literal("Koers open data, Interprovinciaal Overleg")))
    graph.add((contact, VCARD.hasURL, URIRef(site.url())))
    return contact


def _licence(graph: Graph, site: Site) -> URIRef:
    licence = URIRef(site.licence.eu_uri)
    graph.add((licence, RDF.type, DCTERMS.LicenseDocument))
    graph.add((licence, RDFS.label, Literal(site.licence.title)))
    graph.add((licence, RDFS.seeAlso, URIRef(site.licence.url)))
    return licence


def _spatial(graph: Graph, subject, areas) -> None:
    graph.add((subject, DCTERMS.spatial, URIRef(COUNTRY_NL)))
    for code, tooi in Area.objects.filter(code__in=areas).values_list("code", "tooi"):
        if tooi:  # TOOI: the government's own identifiers for the country and provinces
            graph.add((subject, DCTERMS.spatial, URIRef(tooi)))
            graph.add((URIRef(tooi), RDF.type, DCTERMS.Location))
            graph.add((URIRef(tooi), SKOS.notation, Literal(code)))


def _temporal(graph: Graph, subject, info: IndicatorInfo) -> None:
    if info.temporal is None:
        return
    start, end = info.temporal
    period = BNode()
    graph.add((period, RDF.type, DCTERMS.PeriodOfTime))
    graph.add((period, DCAT.startDate, Literal(start, datatype=XSD.date)))
    graph.add((period, DCAT.endDate, Literal(end, datatype=XSD.date)))
    graph.add((subject, DCTERMS.temporal, period))


def _distributions(graph: Graph, dataset, info: IndicatorInfo, site: Site, licence) -> None:
    for fmt in DATA_FORMATS:
        dist = URIRef(f"{site.dataset_uri(info.code)}/{fmt.suffix}")
        graph.add((dataset, DCAT.distribution, dist))
        graph.add((dist, RDF.type, DCAT.Distribution))
        graph.add((dist, DCTERMS.title, Literal(f"{info.label('nl')} ({fmt.label})", lang="nl")))
        graph.add((dist, DCAT.accessURL, URIRef(site.landing_page(info.code))))
        graph.add((dist, DCAT.downloadURL, URIRef(site.url(indicator_file(info.code, fmt.suffix)))))
        graph.add((dist, DCAT.mediaType, URIRef(fmt.media_type_uri)))
        graph.add((dist, DCTERMS.format, URIRef(fmt.file_type_uri)))
        graph.add((dist, DCTERMS.license, licence))
        if info.last_published:
            graph.add((dist, DCTERMS.modified, Literal(info.last_published, datatype=XSD.dateTime)))


def add_dataset(graph: Graph, info: IndicatorInfo, site: Site, *, publisher, contact) -> URIRef:
    """Describe one indicator as a dcat:Dataset with a distribution per data format."""
    dataset = URIRef(site.dataset_uri(info.code))
    licence = _licence(graph, site)
    graph.add((dataset, RDF.type, DCAT.Dataset))
    _texts(graph, dataset, DCTERMS.title, info.name)
    _texts(graph, dataset, DCTERMS.description, info.description)
    graph.add((dataset, DCTERMS.identifier, Literal(str(dataset))))
    graph.add((dataset, DCTERMS.publisher, publisher))
    graph.add((dataset, DCAT.contactPoint, contact))
    for name, uri in info.creators or ((info.source_producer or PUBLISHER["nl"], None),):
        graph.add((dataset, DCTERMS.creator, _agent(graph, name, uri)))
    graph.add((dataset, DCTERMS.accessRights, URIRef(ACCESS_PUBLIC)))
    graph.add((dataset, DCTERMS.license, licence))
    for language in LANGUAGES:
        graph.add((dataset, DCTERMS.language, URIRef(language)))
    for theme in eu_themes(info.themes):
        graph.add((dataset, DCAT.theme, URIRef(theme)))
    graph.add((dataset, DCTERMS.accrualPeriodicity, URIRef(frequency(info.periodicity))))
    graph.add((dataset, ADMS.status, URIRef(dataset_status(info.status))))
    graph.add((dataset, DCAT.landingPage, URIRef(site.landing_page(info.code))))
    graph.add((dataset, DCAT.keyword, Literal(info.code)))
    if info.method:
        statement = BNode()
        graph.add((statement, RDF.type, DCTERMS.ProvenanceStatement))
        graph.add(
            (statement, RDFS.label, Literal(f"{info.source_label}: {info.method}", lang="nl"))
        )
        graph.add((dataset, DCTERMS.provenance, statement))
    if info.last_published:
        graph.add((dataset, DCTERMS.modified, Literal(info.last_published, datatype=XSD.dateTime)))
    _spatial(graph, dataset, info.areas)
    _temporal(graph, dataset, info)
    _distributions(graph, dataset, info, site, licence)
    return dataset


def dataset_graph(publication: Publication, site: Site) -> Graph:
    """One dataset per indicator in ``publication`` (for a single indicator: just that one)."""
    graph = _graph()
    publisher, contact = _publisher(graph), _contact(graph, site)
    for info in publication.indicators.values():
        add_dataset(graph, info, site, publisher=publisher, contact=contact)
    return graph


def catalogue_graph(publication: Publication, site: Site) -> Graph:
    """The dcat:Catalog of every published indicator."""
    graph = dataset_graph(publication, site)
    catalogue = URIRef(site.url(combined_file("ttl").removesuffix(".ttl")))
    publisher = next(graph.objects(predicate=DCTERMS.publisher), None) or _publisher(graph)
    graph.add((catalogue, RDF.type, DCAT.Catalog))
    _texts(graph, catalogue, DCTERMS.title, {"nl": "Koers open data", "en": "Koers open data"})
    _texts(
        graph, catalogue, DCTERMS.description,
        {"nl": "Gepubliceerde indicatoren van de twaalf provincies (IPO).",
         "en": "Published indicators of the twelve Dutch provinces (IPO)."},
    )  # fmt: skip
    graph.add((catalogue, DCTERMS.publisher, publisher))
    graph.add((catalogue, FOAF.homepage, URIRef(site.url())))
    graph.add((catalogue, DCTERMS.license, _licence(graph, site)))
    graph.add((catalogue, DCAT.themeTaxonomy, URIRef(eu_themes(())[0].rsplit("/", 1)[0])))
    graph.add((catalogue, DCTERMS.spatial, URIRef(COUNTRY_NL)))
    for language in LANGUAGES:
        graph.add((catalogue, DCTERMS.language, URIRef(language)))
    if publication.last_published:
        modified = Literal(publication.last_published, datatype=XSD.dateTime)
        graph.add((catalogue, DCTERMS.modified, modified))
    for extend in CATALOGUE_EXTENSIONS:
        extend(graph, site, publisher=publisher, contact=_contact(graph, site))
    for dataset in sorted(graph.subjects(RDF.type, DCAT.Dataset)):
        graph.add((catalogue, DCAT.dataset, dataset))
    return graph


def serialize(graph: Graph, suffix: str) -> bytes:
    """Turtle (``ttl``) or JSON-LD (``jsonld``), UTF-8."""
    if suffix == "jsonld":
        context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
        return graph.serialize(format="json-ld", context=context, indent=2).encode()
    return graph.serialize(format="turtle").encode()
