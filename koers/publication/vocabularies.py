"""Controlled vocabularies the published metadata points to (EU, TOOI, SDMX, IANA)."""

from __future__ import annotations

from dataclasses import dataclass

from koers.publication.errors import UnknownLicence

EU = "http://publications.europa.eu/resource/authority/"


@dataclass(frozen=True)
class Licence:
    spdx: str  # the Frictionless/SPDX name
    title: str
    url: str  # the licence text
    eu_uri: str  # the EU licence authority list (DCAT-AP)
    short: str  # what a page shows


LICENCES = {
    "CC-BY-4.0": Licence(
        "CC-BY-4.0",
        "Creative Commons Attribution 4.0 International",
        "https://creativecommons.org/licenses/by/4.0/",
        EU + "licence/CC_BY_4_0",
        "CC BY 4.0",
    ),
    "CC0-1.0": Licence(
        "CC0-1.0",
        "Creative Commons Zero v1.0 Universal",
        "https://creativecommons.org/publicdomain/zero/1.0/",
        EU + "licence/CC0",
        "CC0 1.0",
    ),
}
DEFAULT_LICENCE = "CC-BY-4.0"


def licence(name: str = DEFAULT_LICENCE) -> Licence:
    try:
        return LICENCES[name]
    except KeyError:
        raise UnknownLicence(name, sorted(LICENCES)) from None


#: Programme theme (BAC) → EU data themes; indicators without a goal are regional data.
EU_THEMES = {
    "2.1": ("ENER", "ENVI"),
    "2.2": ("AGRI", "ENVI"),
    "2.3": ("TRAN",),
    "2.4": ("REGI", "SOCI"),
    "2.5": ("ECON", "EDUC"),
    "2.6": ("GOVE",),
    "2.7": ("TECH", "GOVE"),
    "2.8": ("GOVE",),
}
DEFAULT_EU_THEMES = ("REGI",)


def eu_themes(programme_themes: tuple[str, ...]) -> list[str]:
    codes = sorted({c for t in programme_themes for c in EU_THEMES.get(t, ())})
    return [EU + "data-theme/" + c for c in codes or DEFAULT_EU_THEMES]


#: Koers periodicity → EU frequency authority list.
FREQUENCIES = {
    "year": "ANNUAL",
    "half_year": "ANNUAL_2",
    "quarter": "QUARTERLY",
    "month": "MONTHLY",
}


def frequency(periodicity: str) -> str:
    return EU + "frequency/" + FREQUENCIES.get(periodicity, "IRREG")


#: EU dataset status per indicator status: only measured data counts as completed.
DATASET_STATUS = {"active": "COMPLETED", "peer": "COMPLETED", "awaiting_data": "DEVELOP"}


def dataset_status(status: str) -> str:
    return EU + "dataset-status/" + DATASET_STATUS.get(status, "DEVELOP")


ACCESS_PUBLIC = EU + "access-right/PUBLIC"
LANGUAGES = (EU + "language/NLD", EU + "language/ENG")
COUNTRY_NL = EU + "country/NLD"
PUBLISHER_TYPE = "http://purl.org/adms/publishertype/RegionalAuthority"

#: Koers observation status → SDMX OBS_STATUS code (confidential: Q, "missing; suppressed").
OBS_STATUS = {
    "normal": "A",
    "estimated": "E",
    "provisional": "P",
    "missing": "M",
    "confidential": "Q",
}
OBS_STATUS_NAMES = {
    "A": ("Normale waarde", "Normal value"),
    "E": ("Geschatte waarde", "Estimated value"),
    "P": ("Voorlopige waarde", "Provisional value"),
    "M": ("Ontbrekende waarde", "Missing value"),
    "Q": ("Ontbrekend: geheim", "Missing value; suppressed"),
}
VALUE_KIND_NAMES = {
    "realisation": ("Realisatie", "Realisation"),
    "target": ("Streefwaarde", "Target"),
    "forecast": ("Prognose", "Forecast"),
}
