"""SDMX data: SDMX-ML 2.1 structure-specific (flat, all dimensions) and SDMX-CSV 2.0.

Rows are built column-wise with Arrow string kernels, so a million observations take
seconds, not minutes; every code was checked against the SDMX id pattern by the DSD.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import quoteattr

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from koers.engine.periods import parse_period
from koers.publication.columns import joined, per_distinct
from koers.publication.dataset import Publication
from koers.publication.sdmx_structure import AGENCY, DSD_ID, STRUCTURE_REF, VERSION, Structure
from koers.publication.tidy import column_for, with_dimension_columns
from koers.publication.vocabularies import OBS_STATUS

URN = f"urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure={STRUCTURE_REF}"
NAMESPACE = f"{URN}:ObsLevelDim:AllDimensions"
STRUCTURE_ID = f"{AGENCY}_{DSD_ID}_{VERSION.replace('.', '_')}"
MESSAGE = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message"
SS = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/structurespecific"
COMMON = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def sdmx_code(code: str | None) -> str | None:
    """A Koers period as an SDMX 2.1 time period.

    Half years (2023-H1) are semesters (2023-S1). Financial, academic and damage years and
    ranges of years (FY2019/20, SJ2022/23, 2013/2016) are SDMX time ranges, a start date
    and a duration: 2019-04-01/P1Y, 2022-11-01/P1Y, 2013-01-01/P4Y. Others are equal.
    """
    if code is None:
        return None
    if code.endswith(("-H1", "-H2")):
        return f"{code[:-2]}S{code[-1]}"
    if "/" not in code:
        return code
    period = parse_period(code)
    years, months = divmod(period.months, 12)
    duration = f"P{years}Y" if not months else f"P{period.months}M"
    return f"{period.start.isoformat()}/{duration}"


def sdmx_period(period: pa.ChunkedArray) -> pa.ChunkedArray:
    """:func:`sdmx_code` for a column, once per distinct period."""
    return per_distinct(period, sdmx_code)


def sdmx_columns(publication: Publication, structure: Structure) -> dict[str, pa.ChunkedArray]:
    """One text column per SDMX component, in DSD order, then OBS_VALUE and attributes."""
    table = with_dimension_columns(publication.observations, list(structure.breakdowns))
    columns = {"INDICATOR": table["indicator"], "REF_AREA": table["area"]}
    for dim, ident in structure.breakdowns.items():
        columns[ident] = table[column_for(dim)]
    columns["VALUE_KIND"] = table["value_kind"]
    columns["TIME_PERIOD"] = sdmx_period(table["period"])
    columns["OBS_VALUE"] = pc.fill_null(pc.cast(table["value"], pa.string()), "NaN")
    columns["OBS_STATUS"] = per_distinct(table["obs_status"], OBS_STATUS.__getitem__)
    columns["UNIT_MULT"] = pc.cast(table["unit_multiplier"], pa.string())
    columns["UNIT_MEASURE"] = table["unit"]
    return columns


def _header(prepared: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<message:StructureSpecificData xmlns:message="{MESSAGE}" xmlns:ss="{SS}" '
        f'xmlns:common="{COMMON}" xmlns:xsi="{XSI}" xmlns:ns1="{NAMESPACE}">\n'
        "<message:Header><message:ID>KOERS_DATA</message:ID><message:Test>false</message:Test>"
        f'<message:Prepared>{prepared}</message:Prepared><message:Sender id="{AGENCY}"/>'
        f'<message:Structure structureID="{STRUCTURE_ID}" namespace="{NAMESPACE}" '
        'dimensionAtObservation="AllDimensions"><common:Structure>'
        f'<Ref agencyID="{AGENCY}" id="{DSD_ID}" version="{VERSION}"/>'
        "</common:Structure></message:Structure></message:Header>\n"
        f'<message:DataSet ss:structureRef="{STRUCTURE_ID}" xsi:type="ns1:DataSetType" '
        'ss:dataScope="DataStructure">\n'
    )


def write_sdmx_ml(publication: Publication, path: Path, *, structure: Structure) -> None:
    columns = sdmx_columns(publication, structure)
    columns["UNIT_MEASURE"] = per_distinct(columns["UNIT_MEASURE"], lambda u: quoteattr(u)[1:-1])
    parts: list = ["<Obs"]
    for ident, column in columns.items():
        parts += [f' {ident}="', column, '"']
    parts.append("/>\n")
    prepared = publication.generated_at.strftime("%Y-%m-%dT%H:%M:%SZ")
    with path.open("wb") as out:
        out.write(_header(prepared).encode())
        if publication.observations.num_rows:
            for chunk in pc.binary_join_element_wise(*parts, "").chunks:
                out.write(joined(chunk))
        out.write(b"</message:DataSet>\n</message:StructureSpecificData>\n")


def write_sdmx_csv(publication: Publication, path: Path, *, structure: Structure) -> None:
    """SDMX-CSV 2.0: STRUCTURE, STRUCTURE_ID, ACTION, then every component by id."""
    columns = sdmx_columns(publication, structure)
    n = publication.observations.num_rows
    table = pa.table(
        {
            "STRUCTURE": pa.array(["datastructure"] * n, pa.string()),
            "STRUCTURE_ID": pa.array([STRUCTURE_REF] * n, pa.string()),
            "ACTION": pa.array(["I"] * n, pa.string()),
            **columns,
        }
    )
    options = pacsv.WriteOptions(quoting_style="needed")
    pacsv.write_csv(table, path, write_options=options)
