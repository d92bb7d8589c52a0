"""Enumerations in the API are Dutch like its keys, stable, documented and reversible."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rest_framework.exceptions import ValidationError

from koers.api.enums import TABLES, DutchChoiceField
from koers.deliveries.models import ObservationStatus, ValueKind
from koers.indicators.models import AreaRule, IndicatorStatus, Periodicity, TimeRule

VALUES_DOC = Path(__file__).resolve().parents[3] / "docs" / "api" / "values.md"


@pytest.mark.parametrize(
    ("table", "choices"),
    [
        ("periodiciteit", Periodicity),
        ("optellenOverGebieden", AreaRule),
        ("optellenOverTijd", TimeRule),
        ("status (indicator)", IndicatorStatus),
        ("waardetype", ValueKind),
        ("status (waarneming)", ObservationStatus),
    ],
)
def test_every_stored_value_has_one_dutch_api_value(table, choices):
    values = TABLES[table]
    assert set(values) == set(choices.values)
    assert len(set(values.values())) == len(values)  # reversible


def test_every_pair_is_documented():
    documented = set(re.findall(r"^\| `([^`]+)` \| `([^`]+)` \|", VALUES_DOC.read_text(), re.M))
    for values in TABLES.values():
        assert set(values.items()) <= documented


def test_the_field_shows_dutch_and_reads_either():
    field = DutchChoiceField(TABLES["periodetype"])
    assert field.to_representation("financial_year") == "boekjaar"
    assert field.to_internal_value("boekjaar") == field.to_internal_value("financial_year")
    with pytest.raises(ValidationError):
        field.to_internal_value("fiscal")
