"""The SDMX 2.1 data structure definition (DSD) of Koers' published observations."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sdmx
from sdmx.message import Header, StructureMessage
from sdmx.model import common
from sdmx.model import v21 as m

from koers.areas.models import Area
from koers.publication.describe import IndicatorInfo
from koers.publication.errors import InvalidSdmxId
from koers.publication.vocabularies import OBS_STATUS_NAMES, VALUE_KIND_NAMES

AGENCY, DSD_ID, DATAFLOW_ID, VERSION = "IPO", "DSD_KOERS", "DF_KOERS", "1.0"
STRUCTURE_REF = f"{AGENCY}:{DSD_ID}({VERSION})"
FIXED = ("INDICATOR", "REF_AREA", "VALUE_KIND", "TIME_PERIOD")
ATTRIBUTES = ("OBS_STATUS", "UNIT_MULT", "UNIT_MEASURE")
_CODE = re.compile(r"^[A-Za-z0-9_@$\-]+$")


def dimension_id(breakdown_dimension: str) -> str:
    """SDMX dimension id of a Koers breakdown dimension: ``BronEnTechniek`` → ``BRONENTECHNIEK``."""
    ident = re.sub(r"[^A-Za-z0-9_]", "_", breakdown_dimension).upper()
    if not ident[:1].isalpha() or ident in FIXED + ATTRIBUTES + ("OBS_VALUE",):
        ident = "BD_" + ident
    return ident


def _checked(what: str, code: str) -> str:
    if not _CODE.match(code):
        raise InvalidSdmxId(what, code)
    return code


@dataclass(frozen=True)
class Structure:
    """Which breakdown dimension maps to which SDMX dimension, in DSD order."""

    breakdowns: dict[str, str]  # Koers dimension → SDMX dimension id

    @property
    def dimensions(self) -> list[str]:
        return ["INDICATOR", "REF_AREA", *self.breakdowns.values(), "VALUE_KIND", "TIME_PERIOD"]


def structure_of(indicators: Iterable[IndicatorInfo]) -> Structure:
    dims = sorted({d for i in indicators for d in i.breakdowns})
    return Structure({d: dimension_id(d) for d in dims})


def _codelist(ident: str, codes: dict[str, tuple[str, str]], agency) -> m.Codelist:
    cl = m.Codelist(id=ident, maintainer=agency, version=VERSION, is_final=False)
    for code, (nl, en) in codes.items():
        cl.append(m.Code(id=_checked(ident, code), name={"nl": nl, "en": en}))
    return cl


def _codelists(infos: list[IndicatorInfo], structure: Structure, agency) -> dict:
    lists = {
        "INDICATOR": {i.code: (i.label("nl"), i.label("en")) for i in infos},
        "REF_AREA": {a.code: (a.name, a.name_en or a.name) for a in Area.objects.order_by("code")},
        "VALUE_KIND": VALUE_KIND_NAMES,
        "OBS_STATUS": OBS_STATUS_NAMES,
        "UNIT_MULT": {
            str(n): (f"10^{n}", f"10^{n}") for n in sorted({i.unit_multiplier for i in infos})
        },
    }
    for dim, ident in structure.breakdowns.items():
        codes: dict[str, tuple[str, str]] = {}
        for info in infos:
            for c in info.breakdowns.get(dim, []):
                nl = c["name"].get("nl", c["code"])
                codes.setdefault(c["code"], (nl, c["name"].get("en", nl)))
        lists[ident] = codes
    return {ident: _codelist(f"CL_{ident}", codes, agency) for ident, codes in lists.items()}


def structure_message(
    indicators: Iterable[IndicatorInfo], *, prepared: datetime
) -> StructureMessage:
    """Code lists, concepts, the DSD and its dataflow, as one SDMX-ML structure message."""
    infos = sorted(indicators, key=lambda i: i.code)
    agency = common.Agency(id=AGENCY, name={"nl": "Interprovinciaal Overleg", "en": "IPO"})
    structure = structure_of(infos)
    codelists = _codelists(infos, structure, agency)
    concepts = m.ConceptScheme(id="CS_KOERS", maintainer=agency, version=VERSION, is_final=False)
    for ident in [*structure.dimensions, "OBS_VALUE", *ATTRIBUTES]:
        concepts.append(common.Concept(id=ident, name={"en": ident}))
    dsd = m.DataStructureDefinition(id=DSD_ID, maintainer=agency, version=VERSION, is_final=False)
    dsd.dimensions.id, dsd.measures.id = "DimensionDescriptor", "MeasureDescriptor"
    dsd.attributes.id = "AttributeDescriptor"
    for order, ident in enumerate(structure.dimensions, start=1):
        cls = m.TimeDimension if ident == "TIME_PERIOD" else m.Dimension
        rep = common.Representation(enumerated=codelists[ident]) if ident in codelists else None
        dsd.dimensions.append(
            cls(
                id=ident,
                concept_identity=concepts.get(ident),
                local_representation=rep,
                order=order,
            )
        )
    dsd.measures.append(
        m.PrimaryMeasure(id="OBS_VALUE", concept_identity=concepts.get("OBS_VALUE"))
    )
    for ident in ATTRIBUTES:
        rep = common.Representation(enumerated=codelists[ident]) if ident in codelists else None
        dsd.attributes.append(
            m.DataAttribute(
                id=ident,
                concept_identity=concepts.get(ident),
                local_representation=rep,
                related_to=m.PrimaryMeasureRelationship(),
                usage_status=m.UsageStatus.mandatory,
            )
        )
    flow = m.DataflowDefinition(
        id=DATAFLOW_ID, maintainer=agency, version=VERSION, structure=dsd,
        name={"nl": "Koers: gepubliceerde waarnemingen", "en": "Koers: published observations"},
    )  # fmt: skip
    msg = StructureMessage(header=Header(id="KOERS_STRUCTURE", prepared=prepared, sender=agency))
    for item in [*codelists.values(), concepts, dsd, flow]:
        msg.add(item)
    return msg


def write_structure(indicators: Iterable[IndicatorInfo], path: Path, *, prepared) -> None:
    message = structure_message(indicators, prepared=prepared)
    path.write_bytes(
        sdmx.to_xml(message, pretty_print=True, xml_declaration=True, encoding="UTF-8")
    )
