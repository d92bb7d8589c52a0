"""Canonical breakdowns: `_T`, or `dim=code` parts sorted by dimension, totals omitted."""

import pyarrow as pa
import pytest

from koers.deliveries.ingest import BreakdownError, canonical_breakdown, parse_breakdown
from koers.deliveries.ingest.breakdown import breakdown_column


def test_no_dimensions_or_only_totals_is_the_total():
    assert canonical_breakdown({}) == "_T"
    assert canonical_breakdown({"Geslacht": "_T", "Leeftijd": "_T"}) == "_T"


def test_parts_are_sorted_by_dimension_and_totals_left_out():
    parts = {"Leeftijd": "71300", "Geslacht": "_T", "BronEnTechniek": "E006590"}
    assert canonical_breakdown(parts) == "BronEnTechniek=E006590;Leeftijd=71300"


@pytest.mark.parametrize("parts", [{"A=B": "x"}, {"Dim": "a;b"}, {"Dim": ""}, {"": "x"}])
def test_reserved_characters_and_blanks_are_rejected(parts):
    with pytest.raises(BreakdownError):
        canonical_breakdown(parts)


def test_parse_is_the_inverse_and_accepts_blank_as_total():
    assert parse_breakdown("BronEnTechniek=E006590") == {"BronEnTechniek": "E006590"}
    assert parse_breakdown("_T") == {}
    assert parse_breakdown("  ") == {}
    with pytest.raises(BreakdownError):
        parse_breakdown("Geslacht")
    with pytest.raises(BreakdownError):
        parse_breakdown("Geslacht=M;Geslacht=V")


def test_the_vectorised_column_matches_the_scalar_function():
    b = ["x", "_T", "_T", "y", None]
    a = ["1", "2", "_T", "_T", "3"]
    column = breakdown_column({"B": pa.array(b), "A": pa.array(a)}).to_pylist()
    assert column[:4] == [
        canonical_breakdown({"B": x, "A": y}) for x, y in zip(b[:4], a[:4], strict=True)
    ]
    assert column[4] is None  # an untranslatable part makes the key unknown, not smaller
