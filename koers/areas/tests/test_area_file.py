"""`koers areas load`: areas and parent links with validity dates (docs/areas.md)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from koers.analytics import sources
from koers.areas.area_file import AreaFileError
from koers.areas.builtin import load_area_file, load_builtin_areas
from koers.areas.models import Area, AreaLink
from koers.engine import IndicatorRules, aggregate
from koers.engine.tests.factories import observations

# Leerdam and Zederik (Zuid-Holland) and Vianen (Utrecht) became Vijfheerenlanden, in
# Utrecht, on 1 January 2019.
MUNICIPALITIES = """
hierarchy: bestuurlijk
areas:
  - code: GM0545
    name: Leerdam
    type: gemeente
    valid_to: 2019-01-01
    parents:
      - {code: PV28, valid_to: 2019-01-01}
  - code: GM0620
    name: Vianen
    type: gemeente
    valid_to: 2019-01-01
    parents:
      - {code: PV26, valid_to: 2019-01-01}
  - code: GM1961
    name: Vijfheerenlanden
    type: gemeente
    valid_from: 2019-01-01
    parents:
      - {code: PV26, valid_from: 2019-01-01}
"""


@pytest.fixture
def municipalities(db, tmp_path) -> Path:
    load_builtin_areas()
    path = tmp_path / "gemeenten.yaml"
    path.write_text(MUNICIPALITIES, encoding="utf-8")
    return path


def test_areas_and_links_keep_their_validity_dates(municipalities):
    load_area_file(municipalities)
    leerdam = Area.objects.get(code="GM0545")
    assert (leerdam.valid_from, leerdam.valid_to) == (None, date(2019, 1, 1))
    link = AreaLink.objects.get(child__code="GM1961")
    assert (link.parent.code, link.valid_from, link.valid_to) == ("PV26", date(2019, 1, 1), None)


def test_loading_the_same_file_twice_changes_nothing(municipalities):
    assert load_area_file(municipalities) == 6  # three areas, three links
    assert load_area_file(municipalities) == 0


def test_a_changed_end_date_updates_the_link_it_belongs_to(municipalities, tmp_path):
    load_area_file(municipalities)
    moved = tmp_path / "later.yaml"
    moved.write_text(MUNICIPALITIES.replace("{code: PV28, valid_to: 2019-01-01}",
                                            "{code: PV28, valid_to: 2020-01-01}"))  # fmt: skip
    assert load_area_file(moved) == 1
    assert AreaLink.objects.get(child__code="GM0545").valid_to == date(2020, 1, 1)


def test_the_roll_up_of_each_year_uses_the_links_valid_in_that_year(municipalities):
    load_area_file(municipalities)
    rules = IndicatorRules(code="inw", area_rule="sum", time_rule="last", periodicity="year")
    obs = observations(
        ("inw", "GM0545", "2018", 21_000.0),
        ("inw", "GM0620", "2018", 20_000.0),
        ("inw", "GM1961", "2019", 56_000.0),
    )
    result = aggregate(obs, sources.areas(), sources.links(), [rules]).to_pylist()
    computed = {
        (r["area"], r["period"]): r["computed_value"]
        for r in result
        if r["area"] in {"PV26", "PV28"}
    }
    assert computed[("PV28", "2018")] == 21_000.0
    assert computed[("PV26", "2018")] == 20_000.0
    assert computed[("PV26", "2019")] == 56_000.0
    assert ("PV28", "2019") not in computed


def test_every_problem_in_the_file_is_named_and_nothing_is_stored(db, tmp_path):
    load_builtin_areas()
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        """
hierarchy: bestuurlijk
areas:
  - {code: GM1, name: Een, type: gemeente, parents: [{code: PV52}]}
  - {code: GM2, name: Twee, type: dorp, valid_from: 2019-13-01}
  - code: GM3
    name: Drie
    type: gemeente
    parents:
      - {code: PV28, valid_to: 2019-01-01}
      - {code: PV26, valid_from: 2018-06-01}
  - {code: GM4, name: Vier, type: gemeente, valid_from: 2020-01-01, valid_to: 2019-01-01}
""",
        encoding="utf-8",
    )
    with pytest.raises(AreaFileError) as caught:
        load_area_file(bad)
    problems = "\n".join(caught.value.problems)
    assert "PV52 is neither in this file nor loaded" in problems
    assert "'dorp' is not one of" in problems
    assert "'2019-13-01' is not a date" in problems
    assert "GM3 has parents PV28 and PV26 at the same time" in problems
    assert "valid_to 2019-01-01 <= 2020-01-01" in problems
    assert not Area.objects.filter(code__startswith="GM").exists()


def test_a_file_that_is_not_yaml_text_is_one_clear_error(db, tmp_path):
    binary = tmp_path / "areas.yaml"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(AreaFileError, match="not a readable YAML text"):
        load_area_file(binary)
