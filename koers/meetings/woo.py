"""Active publication under the Woo: DiWoo metadata per public document, and a sitemap.

Each public meeting document carries: its Woo information category (art. 3.3 Woo, with
the TOOI identifier), the publisher (a TOOI organisation: the province that published it,
or IPO), its dates (created, published), its language and licence.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from koers.config import ConfigurationError, config
from koers.meetings.models import Informatiecategorie, Informatieobject

TOOI_THESAURUS = "https://identifier.overheid.nl/tooi/def/thes/kern/"
DUTCH = {
    "resource": "http://publications.europa.eu/resource/authority/language/NLD",
    "label": "Nederlands",
}
LICENCE = {"resource": "https://creativecommons.org/publicdomain/zero/1.0/", "label": "CC0 1.0"}


@dataclass(frozen=True)
class Category:
    article: str
    label: str
    tooi: str


#: TOOI concepts of the Woo categories Koers publishes in (TOOI scw_woo_informatiecategorieen).
CATEGORIES = {
    Informatiecategorie.VERGADERSTUKKEN: Category(
        "3.3.2c", "vergaderstukken decentrale overheden", "c_92a74153"
    ),
    Informatiecategorie.AGENDAS_BESLUITENLIJSTEN: Category(
        "3.3.2d", "agenda's en besluitenlijsten bestuurscolleges", "c_5540d806"
    ),
    Informatiecategorie.ADVIEZEN: Category("3.3.2e", "adviezen", "c_5ba23c01"),
}


class NotPublished(LookupError):
    """DiWoo metadata exists only for a published document (code ``woo_not_published``)."""

    code = "woo_not_published"


def publisher_of(document: Informatieobject) -> dict[str, str]:
    """The publishing organisation as a TOOI resource: the province, else IPO (a setting)."""
    if document.uitgever_id and document.uitgever.tooi:
        return {"resource": document.uitgever.tooi, "label": f"Provincie {document.uitgever.name}"}
    resource = config("KOERS_WOO_PUBLISHER")
    if not resource:
        raise ConfigurationError(
            "KOERS_WOO_PUBLISHER is not set: the TOOI identifier of the publishing "
            "organisation (IPO) is needed for Woo publication."
        )
    return {"resource": resource, "label": config("KOERS_WOO_PUBLISHER_NAME")}


def diwoo(document: Informatieobject, *, base_url: str) -> dict:
    """The DiWoo metadata of a published document (JSON shaped like DiWoo's XML)."""
    if not document.openbaar or document.gepubliceerd_op is None:
        raise NotPublished(f"document {document.pk} is niet openbaar gemaakt")
    category = CATEGORIES[document.informatiecategorie]
    publisher = publisher_of(document)
    link = base_url + reverse("meetings:document", args=[document.pk])
    return {
        "document": {
            "identifiers": [link, f"urn:sha256:{document.bestand.sha256}"],
            "publisher": publisher,
            "verantwoordelijke": publisher,
            "officieleTitel": document.titel,
            "taal": DUTCH,
            "creatiedatum": document.creatiedatum.isoformat(),
            "openbaarmakingsdatum": document.gepubliceerd_op.date().isoformat(),
            "classificatiecollectie": {
                "informatiecategorieen": [
                    {
                        "resource": TOOI_THESAURUS + category.tooi,
                        "label": category.label,
                        "artikel": f"art. {category.article} Woo",
                    }
                ]
            },
            "licentie": LICENCE,
            "format": document.formaat,
            "weblocatie": link,
        }
    }


def published_documents():
    return Informatieobject.objects.filter(
        openbaar=True, gepubliceerd_op__isnull=False
    ).select_related("bestand", "uitgever")


def sitemap(*, base_url: str) -> str:
    """A sitemap (sitemaps.org) of every published document's DiWoo metadata, for harvesting."""
    from xml.sax.saxutils import escape

    entries = []
    for document in published_documents().order_by("pk"):
        loc = base_url + reverse("meetings:diwoo", args=[document.pk])
        entries.append(
            f"  <url><loc>{escape(loc)}</loc>"
            f"<lastmod>{document.gepubliceerd_op.date().isoformat()}</lastmod></url>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "".join(e + "\n" for e in entries)
        + "</urlset>\n"
    )
