"""DCAT-AP-NL 3.0: parses with rdflib, has every mandatory property, uses official lists.

No PyPI package ships the DCAT-AP(-NL) SHACL shapes, so the mandatory properties of the
profile (DCAT-AP-NL 3.0, "verplicht") are checked here one by one.
"""

from datetime import date

import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF

ADMS = "http://www.w3.org/ns/adms#"
VCARD = "http://www.w3.org/2006/vcard/ns#"
EU = "http://publications.europa.eu/resource/authority/"
MANDATORY = {
    DCAT.Catalog: [DCTERMS.title, DCTERMS.description, DCTERMS.publisher, DCAT.dataset],
    DCAT.Dataset: [
        DCTERMS.title, DCTERMS.description, DCTERMS.identifier, DCTERMS.publisher,
        DCAT.contactPoint, DCTERMS.creator, DCTERMS.accessRights, DCAT.theme,
    ],
    DCAT.Distribution: [DCAT.accessURL, DCTERMS.license],
    FOAF.Agent: [FOAF.name],
}  # fmt: skip
EXACTLY_ONE = {DCAT.Dataset: [DCTERMS.identifier, DCTERMS.publisher, DCTERMS.accessRights]}


@pytest.fixture
def catalogue(exported) -> Graph:
    return Graph().parse(exported.folder / "catalogus.ttl", format="turtle")


WIND = URIRef("https://koers.example.nl/open-data/indicatoren/wind_vermogen")


def test_turtle_and_json_ld_parse_to_the_same_graph(exported, catalogue):
    json_ld = Graph().parse(exported.folder / "catalogus.jsonld", format="json-ld")
    assert len(catalogue) > 100 and isomorphic(catalogue, json_ld)
    single = Graph().parse(exported.folder / "indicatoren" / "wind_vermogen.ttl")
    assert set(single.subjects(RDF.type, DCAT.Dataset)) == {WIND}


def test_every_mandatory_property_is_present(catalogue):
    missing = []
    for cls, properties in MANDATORY.items():
        subjects = set(catalogue.subjects(RDF.type, cls))
        assert subjects, f"no {cls}"
        missing += [(s, p) for s in subjects for p in properties if (s, p, None) not in catalogue]
    for cls, properties in EXACTLY_ONE.items():
        for s in catalogue.subjects(RDF.type, cls):
            missing += [(s, p) for p in properties if len(set(catalogue.objects(s, p))) != 1]
    for contact in catalogue.objects(None, DCAT.contactPoint):
        if (contact, URIRef(VCARD + "fn"), None) not in catalogue:
            missing.append((contact, "vcard:fn"))
    assert missing == []
    assert len(set(catalogue.subjects(RDF.type, DCAT.Dataset))) == 9


def test_each_dataset_offers_every_format_for_download(catalogue):
    distributions = list(catalogue.objects(WIND, DCAT.distribution))
    downloads = {str(catalogue.value(d, DCAT.downloadURL)) for d in distributions}
    base = "https://koers.example.nl/open-data/indicatoren/wind_vermogen."
    assert downloads == {base + s for s in ("csv", "parquet", "json", "sdmx.xml", "sdmx.csv")}
    formats = {str(catalogue.value(d, DCTERMS.format)).rsplit("/", 1)[1] for d in distributions}
    assert formats == {"CSV", "PARQUET", "JSON", "SDMX"}
    for d in distributions:
        assert str(catalogue.value(d, DCTERMS.license)) == EU + "licence/CC_BY_4_0"
        assert str(catalogue.value(d, DCAT.mediaType)).startswith(
            "http://www.iana.org/assignments/media-types/"
        )


def test_datasets_use_the_official_value_lists(catalogue):
    dataset = WIND
    themes = {str(t) for t in catalogue.objects(dataset, DCAT.theme)}
    assert themes == {EU + "data-theme/ENER", EU + "data-theme/ENVI"}
    assert str(catalogue.value(dataset, DCTERMS.accrualPeriodicity)) == EU + "frequency/ANNUAL"
    assert str(catalogue.value(dataset, URIRef(ADMS + "status"))) == EU + "dataset-status/COMPLETED"
    assert str(catalogue.value(dataset, DCTERMS.accessRights)) == EU + "access-right/PUBLIC"
    spatial = {str(s) for s in catalogue.objects(dataset, DCTERMS.spatial)}
    provinces = {f"https://identifier.overheid.nl/tooi/id/provincie/pv{n}" for n in range(20, 32)}
    assert provinces | {"https://identifier.overheid.nl/tooi/id/land/nl"} <= spatial
    period = catalogue.value(dataset, DCTERMS.temporal)
    start = catalogue.value(period, DCAT.startDate).toPython()
    end = catalogue.value(period, DCAT.endDate).toPython()
    assert (start, end) == (date(1990, 1, 1), date(2024, 12, 31))
    creators = {
        str(catalogue.value(c, FOAF.name)) for c in catalogue.objects(dataset, DCTERMS.creator)
    }
    assert creators == {"CBS"}


def test_unpublished_indicators_have_no_dataset(catalogue):
    codes = {str(s).rsplit("/", 1)[1] for s in catalogue.subjects(RDF.type, DCAT.Dataset)}
    assert "ammoniakemissie_mest" not in codes and "wind_vermogen" in codes
