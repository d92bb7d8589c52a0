"""Mapping files: the shipped ones load; a bad one fails naming the file and the key."""

from pathlib import Path

import pytest
import yaml

from koers.deliveries.ingest import (
    TEMPLATE_MAPPING,
    MappingError,
    find_shipped_mapping,
    is_template,
    load_mapping,
    mapping_from_dict,
    shipped_mappings,
    template_mapping_for,
)
from koers.deliveries.ingest.shipped import MAPPINGS_DIR

MINIMAL = {
    "name": "test",
    "area": {"column": "RegioS"},
    "period": {"column": "Perioden"},
    "values": [{"column": "Waarde", "indicator": "wind_vermogen"}],
}


def broken(**changes):
    data = {**MINIMAL, **changes}
    return {key: value for key, value in data.items() if value is not None}


def test_every_shipped_mapping_loads_and_is_found_by_its_file_name(real_data, tmp_path):
    mappings = shipped_mappings()
    assert len(list(MAPPINGS_DIR.glob("*.yaml"))) == len(mappings) >= 6
    files = sorted((real_data / "cbs").glob("*.csv")) + [
        real_data / "sdg" / "canada_indicator_13-1-1.csv",
        real_data / "sdg" / "uk_indicator_11-3-1.csv",
        real_data / "tables" / "37687wat_drinkwater.csv",
        # the files Koers writes itself (koers faunaschade aanleveren / jaarcijfers)
        tmp_path / "faunaschade-2024-25.csv",
        tmp_path / "bij12-faunaschade-jaarcijfers.csv",
    ]
    found = {find_shipped_mapping(path).name for path in files}
    assert found == set(mappings)


def test_a_loaded_mapping_is_frozen():
    mapping = mapping_from_dict(MINIMAL)
    with pytest.raises(AttributeError):
        mapping.name = "other"
    with pytest.raises(TypeError):
        mapping.special_values["."] = "missing"


def test_code_maps_trim_and_translate():
    mapping = mapping_from_dict(
        broken(area={"column": "RegioS", "codes": {"Nederland": "NL01"}, "blank": "NL01"})
    )
    assert mapping.area.translate("  Nederland ") == "NL01"
    assert mapping.area.translate("PV20  ") == "PV20"
    assert mapping.area.translate("   ") == "NL01"


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"colums": []}, "colums"),
        ({"values": []}, "values"),
        ({"values": [{"column": "W"}]}, "values[0]"),
        ({"values": [{"column": "W", "indicator": "a", "indicator_column": "b"}]}, "values[0]"),
        (
            {"values": [{"column": "W", "indicator": "a", "value_kind": "plan"}]},
            "values[0].value_kind",
        ),
        ({"values": [{"column": "W", "indicator": "a", "multiplier": -1}]}, "values[0].multiplier"),
        ({"values": [{"indicator": "a"}]}, "values[0].column"),
        ({"area": {"codes": {}}}, "area"),
        ({"area": {"column": "A", "constant": "PV20"}}, "area"),
        ({"period": {"column": "P", "style": "iso"}}, "period.style"),
        ({"special_values": {".": "zero"}}, "special_values.."),
        ({"skip_areas": {"prefixes": "GM"}}, "skip_areas.prefixes"),
        ({"format": {"delimiter": ";;"}}, "format.delimiter"),
        ({"format": {"type": "parquet"}}, "format.type"),
        ({"breakdowns": {"A=B": {"column": "X"}}}, "breakdowns.A=B"),
        ({"breakdowns": {"X": {"column": "X"}}, "breakdown_column": "Y"}, "breakdown_column"),
        ({"name": None}, "name"),
    ],
)
def test_bad_mappings_name_the_file_and_the_key(changes, key):
    with pytest.raises(MappingError) as raised:
        mapping_from_dict(broken(**changes), file="cbs-test.yaml")
    assert raised.value.file == "cbs-test.yaml"
    assert raised.value.key == key
    assert str(raised.value).startswith(f"cbs-test.yaml: {key}: ")


def test_load_mapping_reports_yaml_errors_with_the_file_name(tmp_path: Path):
    path = tmp_path / "kapot.yaml"
    path.write_text("name: [unclosed\n", encoding="utf-8")
    with pytest.raises(MappingError) as raised:
        load_mapping(path)
    assert raised.value.file == "kapot.yaml"
    good = tmp_path / "goed.yaml"
    good.write_text(yaml.safe_dump(MINIMAL), encoding="utf-8")
    assert load_mapping(good).file == "goed.yaml"


def test_the_template_is_recognised_by_its_dutch_headers_in_any_case():
    header = ["Indicator", "Gebied", "Periode", "Uitsplitsing", "Waardetype", "Waarde", "Status"]
    assert is_template(header)
    mapping = template_mapping_for(header)
    assert mapping.area.column == "Gebied"
    assert mapping.values[0].indicator_column == "Indicator"
    assert (
        template_mapping_for(["indicator", "gebied", "periode", "waarde"]).breakdown_column is None
    )
    assert not is_template(["ID", "RegioS", "Perioden", "Waarde"])
    assert TEMPLATE_MAPPING.columns() == [
        "gebied",
        "periode",
        "uitsplitsing",
        "waarde",
        "indicator",
        "waardetype",
        "status",
    ]
