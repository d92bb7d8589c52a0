"""The target catalogue: real targets with their sources, loaded by `koers init`."""

from __future__ import annotations

import datetime

import pytest
import yaml

from koers.indicators.targets import STARTER_TARGETS, TargetsError, is_target_file, load_targets


@pytest.fixture
def catalogue(register):
    from koers.indicators.catalogue import load_catalogue

    load_catalogue()


def shipped() -> list[dict]:
    return yaml.safe_load(STARTER_TARGETS.read_text(encoding="utf-8"))["targets"]


def test_every_shipped_target_cites_a_source_with_title_address_and_date():
    entries = shipped()
    assert len(entries) >= 10
    for entry in entries:
        source = entry["source"]
        assert source["title"] and source["url"].startswith("https://"), entry
        assert isinstance(source["date"], datetime.date), entry
        assert len(source.get("note", "")) > 40, "the note says what was derived or unverified"


def test_the_catalogue_loads_every_target_with_its_source_and_twice_changes_nothing(catalogue):
    from koers.indicators.models import Target

    first = load_targets()
    assert len(first.created) == len(shipped()) and not first.updated
    assert Target.objects.count() == len(shipped())
    assert load_targets().summary() == "0 targets created, 0 updated"
    wind = Target.objects.get(indicator__code="wind_vermogen", area__code="NL01")
    assert (wind.target_value, wind.target_year, wind.goal.number) == (6000, 2020, "2.1.2")
    assert wind.source_url == "https://zoek.officielebekendmakingen.nl/kst-33612-77.html"
    assert wind.source_date == datetime.date(2021, 7, 14)
    assert "Energieakkoord" in wind.source_note


def test_the_housing_splits_per_province_add_up_to_the_published_total(catalogue):
    from koers.indicators.models import Target

    load_targets()
    splits = Target.objects.filter(indicator__code="woningbouw_nieuwbouw_sinds_2022").exclude(
        area__code="NL01"
    )
    assert splits.count() == 12
    assert sum(t.target_value for t in splits) == 917193  # the IPO's total, 13 October 2022


def test_a_target_in_thousands_is_written_in_the_indicators_stored_unit(catalogue):
    from koers.indicators.models import Indicator, Target

    load_targets()
    target = Target.objects.get(indicator__code="hernieuwbare_elektriciteit_productie")
    unit = Indicator.objects.get(code="hernieuwbare_elektriciteit_productie")
    # 35 TWh = 35 x 10^9 kWh; stored values are kWh x 10^unit_multiplier.
    assert target.target_value * 10**unit.unit_multiplier == 35e9


def test_a_target_without_a_source_is_refused_and_nothing_is_stored(catalogue, tmp_path):
    from koers.indicators.models import Target

    entries = shipped()[:2]
    del entries[1]["source"]["url"]
    bad = tmp_path / "targets.yaml"
    bad.write_text(yaml.safe_dump({"targets": entries}), encoding="utf-8")
    with pytest.raises(TargetsError) as raised:
        load_targets(bad)
    message = str(raised.value)
    assert str(bad) in message and "target 2" in message and "source.url" in message
    assert raised.value.code == "targets"
    assert Target.objects.count() == 0, "all or nothing"


def test_unknown_indicator_area_or_goal_is_named(catalogue, tmp_path):
    for field, value in (("indicator", "geen_indicator"), ("area", "PV77"), ("goal", "9.9.9")):
        entry = {**shipped()[0], field: value}
        bad = tmp_path / f"{field}.yaml"
        bad.write_text(yaml.safe_dump({"targets": [entry]}), encoding="utf-8")
        with pytest.raises(TargetsError, match=f"unknown {field} '{value}'"):
            load_targets(bad)


def test_koers_indicators_load_tells_a_target_file_from_a_catalogue(tmp_path):
    from koers.indicators.catalogue import STARTER_CATALOGUE

    assert is_target_file(STARTER_TARGETS)
    assert not is_target_file(STARTER_CATALOGUE)
    broken = tmp_path / "broken.yaml"
    broken.write_text("targets: [", encoding="utf-8")
    assert not is_target_file(broken)


def test_koers_init_loads_the_targets(db):
    from koers.indicators.models import Target
    from koers.web.setup import initialise

    lines = list(initialise())
    assert f"targets loaded ({len(shipped())} changes)" in lines
    assert Target.objects.exclude(source_title="").count() == len(shipped())
