from __future__ import annotations

import pytest

from koers.engine import BreakdownError, canonical_breakdown, parse_breakdown
from koers.engine.breakdown import parent_breakdowns


def test_total_dims_are_dropped_and_parts_sorted_by_dimension():
    assert canonical_breakdown({"Leeftijd": "_T", "Geslacht": "3000"}) == "Geslacht=3000"
    assert canonical_breakdown({"b": "2", "a": "1"}) == "a=1;b=2"
    assert canonical_breakdown({"BronEnTechniek": "E006590"}) == "BronEnTechniek=E006590"


def test_all_total_is_underscore_t():
    assert canonical_breakdown({}) == "_T"
    assert canonical_breakdown({"Geslacht": "_T", "Leeftijd": "_T"}) == "_T"


def test_parse_is_the_inverse():
    for mapping in ({}, {"Geslacht": "3000"}, {"a": "1", "b": "2"}):
        assert parse_breakdown(canonical_breakdown(mapping)) == mapping


@pytest.mark.parametrize("text", ["b=2;a=1", "Geslacht", "a=_T", "a=1;", "a=x|y"])
def test_non_canonical_strings_are_rejected(text):
    with pytest.raises(BreakdownError):
        parse_breakdown(text)


def test_reserved_characters_are_rejected_in_mappings():
    with pytest.raises(BreakdownError):
        canonical_breakdown({"a;b": "1"})


def test_each_dimension_points_to_its_total():
    assert parent_breakdowns("a=1;b=2") == [("a", "b=2"), ("b", "a=1")]
    assert parent_breakdowns("Source=Waste") == [("Source", "_T")]
