"""SDMX: the independent `sdmx1` reader parses structure and data back to the published values."""

import math

import pytest
import sdmx

STATUS_OF = {
    "A": "normal",
    "E": "estimated",
    "P": "provisional",
    "M": "missing",
    "Q": "confidential",
}


@pytest.fixture
def dsd(exported):
    message = sdmx.read_sdmx(exported.folder / "structuur.sdmx.xml")
    return message.structure["DSD_KOERS"]


def read_back(path, dsd) -> dict:
    """Observations keyed like Koers' tidy rows: (indicator, area, period, breakdown, kind)."""
    dataset = sdmx.read_sdmx(path, structure=dsd).data[0]
    breakdowns = {"BRONENTECHNIEK": "BronEnTechniek"}
    out = {}
    for obs in dataset.obs:
        key = {k: v.value for k, v in obs.dimension.values.items()}
        parts = [f"{breakdowns[d]}={key[d]}" for d in breakdowns if key[d] != "_T"]
        value = float(obs.value)
        attrs = {k: v.value for k, v in obs.attached_attribute.items()}
        out[
            key["INDICATOR"], key["REF_AREA"], key["TIME_PERIOD"],
            ";".join(parts) or "_T", key["VALUE_KIND"],
        ] = (None if math.isnan(value) else value, STATUS_OF[attrs["OBS_STATUS"]])  # fmt: skip
    return out


def published(exported) -> dict:
    import pyarrow.parquet as pq

    rows = pq.read_table(exported.folder / "alle-indicatoren.parquet").to_pylist()
    return {
        (r["indicator"], r["area"], r["period"], r["breakdown"], r["value_kind"]): (
            r["value"],
            r["obs_status"],
        )
        for r in rows
    }


def test_structure_has_the_agreed_dimensions_attributes_and_code_lists(dsd):
    dimensions = [d.id for d in dsd.dimensions.components]
    assert dimensions == ["INDICATOR", "REF_AREA", "BRONENTECHNIEK", "VALUE_KIND", "TIME_PERIOD"]
    assert {a.id for a in dsd.attributes.components} >= {"OBS_STATUS", "UNIT_MULT"}
    sources = dsd.dimensions.get("BRONENTECHNIEK").local_representation.enumerated
    assert {"_T", "E006590", "A050176", "A050177", "E006637"} <= {c.id for c in sources}
    areas = dsd.dimensions.get("REF_AREA").local_representation.enumerated
    assert {"NL01", "PV20", "PV31", "PV99"} <= {c.id for c in areas}
    assert str(areas["PV21"].name["nl"]) == "Fryslân"


def test_sdmx_ml_reads_back_to_exactly_the_published_values(exported, dsd):
    assert read_back(exported.folder / "alle-indicatoren.sdmx.xml", dsd) == published(exported)


def test_sdmx_csv_reads_back_to_exactly_the_published_values(exported, dsd):
    assert read_back(exported.folder / "alle-indicatoren.sdmx.csv", dsd) == published(exported)


def test_a_single_indicator_uses_the_same_structure(exported, dsd):
    path = exported.folder / "indicatoren" / "hernieuwbaar_elektrisch_vermogen.sdmx.xml"
    values = read_back(path, dsd)
    expected = {k: v for k, v in published(exported).items() if k[0] == path.name.split(".")[0]}
    assert values == expected and len(values) > 0


def test_unit_and_multiplier_travel_with_every_observation(exported, dsd):
    catalogue = exported.catalogue
    message = sdmx.read_sdmx(exported.folder / "alle-indicatoren.sdmx.xml", structure=dsd)
    seen = {}
    for obs in message.data[0].obs:
        code = obs.dimension.values["INDICATOR"].value
        attrs = obs.attached_attribute
        seen.setdefault(code, set()).add((attrs["UNIT_MULT"].value, attrs["UNIT_MEASURE"].value))
    assert seen == {code: {catalogue[code]} for code in seen}
    assert {m for pairs in seen.values() for m, _ in pairs} == {"0", "6"}
