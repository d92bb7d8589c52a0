"""Small rules behind the formats: SDMX identifiers and periods, breakdown columns, themes."""

import pyarrow as pa
import pytest

from koers.publication.errors import InvalidSdmxId, UnknownFormat
from koers.publication.sdmx_data import sdmx_period
from koers.publication.sdmx_structure import _checked, dimension_id
from koers.publication.tidy import with_dimension_columns
from koers.publication.vocabularies import eu_themes, frequency


def test_half_years_become_sdmx_semesters_and_other_periods_stay():
    periods = pa.chunked_array([["2023", "2023-H1", "2023-H2", "2023-Q4", "2023-03"]])
    assert sdmx_period(periods).to_pylist() == ["2023", "2023-S1", "2023-S2", "2023-Q4", "2023-03"]


def test_years_that_are_not_calendar_years_become_sdmx_time_ranges():
    periods = pa.chunked_array([["FY2019/20", "AY2019/20", "SJ2022/23", "2013/2016", "2020"]])
    assert sdmx_period(periods).to_pylist() == [
        "2019-04-01/P1Y",
        "2019-09-01/P1Y",
        "2022-11-01/P1Y",
        "2013-01-01/P4Y",
        "2020",
    ]


def test_breakdown_dimensions_get_sdmx_ids_that_never_clash():
    assert dimension_id("BronEnTechniek") == "BRONENTECHNIEK"
    assert dimension_id("Leeftijd") == "LEEFTIJD"
    assert dimension_id("ref area") == "BD_REF_AREA"
    assert dimension_id("Indicator") == "BD_INDICATOR"
    assert dimension_id("2e soort") == "BD_2E_SOORT"


def test_codes_sdmx_cannot_carry_are_refused_by_name():
    assert _checked("CL_AREA", "PV20") == "PV20"
    with pytest.raises(InvalidSdmxId) as caught:
        _checked("CL_GEWAS", "gras land")
    assert caught.value.code == "invalid_sdmx_id" and "gras land" in str(caught.value)


def test_each_breakdown_dimension_becomes_a_column_with_total_as_default():
    table = pa.table({"breakdown": ["_T", "Geslacht=V", "Geslacht=M;Leeftijd=71300"]})
    out = with_dimension_columns(table, ["Geslacht", "Leeftijd"]).to_pydict()
    assert out["Geslacht"] == ["_T", "V", "M"]
    assert out["Leeftijd"] == ["_T", "_T", "71300"]


def test_programme_themes_map_to_eu_data_themes_and_periodicity_to_frequency():
    eu = "http://publications.europa.eu/resource/authority/"
    assert eu_themes(("2.3",)) == [eu + "data-theme/TRAN"]
    assert eu_themes(()) == [eu + "data-theme/REGI"]
    assert frequency("quarter") == eu + "frequency/QUARTERLY"
    assert frequency("half_year") == eu + "frequency/ANNUAL_2"


def test_unknown_format_names_the_choices():
    error = UnknownFormat("xlsx", ["csv", "json"])
    assert error.code == "unknown_format" and "csv, json" in str(error)
