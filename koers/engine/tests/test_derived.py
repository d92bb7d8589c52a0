"""Ratios and formulas: components aggregated first (default) or formula per observation."""

from __future__ import annotations

import pytest

from koers.engine import IndicatorRules, RulesError, aggregate
from koers.engine.tests.factories import areas, links, observations, one

AREAS = areas(PV25="provincie", G1="gebied", G2="gebied")
LINKS = links(("G1", "PV25"), ("G2", "PV25"))
BASE = [IndicatorRules("A"), IndicatorRules("B")]


def run(rules, *rows, **kw):
    return aggregate(observations(*rows), AREAS, LINKS, BASE + list(rules), **kw)


def test_ratio_is_a_ratio_of_sums_never_a_mean_of_ratios():
    ratio = IndicatorRules("R", area_rule="ratio", numerator="A", denominator="B", scale=1000)
    agg = run(
        [ratio],
        ("A", "G1", "2020", 1.0),
        ("B", "G1", "2020", 10.0),
        ("A", "G2", "2020", 9.0),
        ("B", "G2", "2020", 1000.0),
    )
    assert one(agg, indicator="R", area="PV25", period="2020")["value"] == pytest.approx(
        10 / 1010 * 1000
    )
    assert one(agg, indicator="R", area="G1", period="2020")["value"] == pytest.approx(100.0)


def test_formula_after_aggregation_is_evaluated_on_aggregated_components():
    f = IndicatorRules("F", formula="max(A, B) - min(A, B) / 2")
    agg = run(
        [f],
        ("A", "G1", "2020", 1.0),
        ("B", "G1", "2020", 4.0),
        ("A", "G2", "2020", 3.0),
        ("B", "G2", "2020", 2.0),
    )
    assert one(agg, indicator="F", area="PV25", period="2020")["value"] == 6 - 4 / 2


def test_formula_before_aggregation_is_evaluated_per_observation_then_added_up():
    before = IndicatorRules("P", formula="A * B", formula_stage="before")
    after = IndicatorRules("Q", formula="A * B")
    rows = [
        ("A", "G1", "2020", 2.0),
        ("B", "G1", "2020", 3.0),
        ("A", "G2", "2020", 4.0),
        ("B", "G2", "2020", 5.0),
    ]
    agg = run([before, after], *rows)
    assert one(agg, indicator="P", area="PV25", period="2020")["value"] == 2 * 3 + 4 * 5
    assert one(agg, indicator="Q", area="PV25", period="2020")["value"] == (2 + 4) * (3 + 5)


def test_division_by_zero_gives_null_with_a_reason():
    f = IndicatorRules("F", formula="A / (B - 2)")
    ratio = IndicatorRules("R", area_rule="ratio", numerator="A", denominator="B")
    agg = run(
        [f, ratio],
        ("A", "G1", "2020", 1.0),
        ("B", "G1", "2020", 2.0),
        ("A", "G2", "2021", 1.0),
        ("B", "G2", "2021", 0.0),
    )
    row = one(agg, indicator="F", area="G1", period="2020")
    assert (row["value"], row["status"], row["missing_reason"]) == (
        None,
        "missing",
        "division by zero",
    )
    assert one(agg, indicator="R", area="G2", period="2021")["missing_reason"] == "division by zero"


def test_a_missing_component_gives_null_with_a_reason():
    f = IndicatorRules("F", formula="A + B")
    agg = run([f], ("A", "G1", "2020", 1.0))
    row = one(agg, indicator="F", area="G1", period="2020")
    assert (row["value"], row["missing_reason"]) == (None, "missing component B")
    ratio = IndicatorRules("R", area_rule="ratio", numerator="A", denominator="B")
    agg = run([ratio], ("A", "G1", "2020", 1.0))
    assert one(agg, indicator="R", area="G1")["missing_reason"] == "missing denominator B"


def test_derived_of_derived_and_time_aggregates():
    rules = [
        IndicatorRules("Avg", formula="(A + B) / 2"),
        IndicatorRules("R", area_rule="ratio", numerator="A", denominator="Avg", scale=100),
    ]
    rows = [
        (i, g, y, v)
        for y in ("2020", "2021")
        for i, g, v in (("A", "G1", 1.0), ("B", "G1", 3.0), ("A", "G2", 2.0), ("B", "G2", 6.0))
    ]
    agg = run(rules, *rows, windows=[(2020, 2021)])
    assert one(agg, indicator="R", area="PV25", period="2021")["value"] == pytest.approx(
        3 / 6 * 100
    )
    assert one(agg, indicator="R", area="PV25", period="2020/2021")["value"] == pytest.approx(
        6 / 12 * 100
    )


def test_a_reported_ratio_is_reconciled_with_the_computed_one():
    ratio = IndicatorRules("R", area_rule="ratio", numerator="A", denominator="B", decimals=1)
    agg = run([ratio], ("A", "G1", "2020", 1.0), ("B", "G1", "2020", 3.0), ("R", "G1", "2020", 0.3))
    row = one(agg, indicator="R", area="G1", period="2020")
    assert row["reported_value"] == 0.3 and row["within_tolerance"] is True
    assert row["computed_value"] == pytest.approx(1 / 3)


def test_before_formulas_cannot_use_values_that_only_exist_after_aggregation():
    rules = [
        IndicatorRules("R", area_rule="ratio", numerator="A", denominator="B"),
        IndicatorRules("P", formula="R * 2", formula_stage="before"),
    ]
    with pytest.raises(RulesError, match="P"):
        run(rules, ("A", "G1", "2020", 1.0))
