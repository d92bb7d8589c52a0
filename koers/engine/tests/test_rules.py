from __future__ import annotations

import pytest

from koers.engine import IndicatorRules, RulesError
from koers.engine.rules import dependency_order, dependents, rules_by_code


def test_invalid_rules_are_refused_with_the_indicator_code():
    with pytest.raises(RulesError, match="X"):
        IndicatorRules("X", area_rule="median")
    with pytest.raises(RulesError, match="numerator"):
        IndicatorRules("X", area_rule="ratio", numerator="A")
    with pytest.raises(RulesError, match="weight"):
        IndicatorRules("X", area_rule="weighted_mean")
    with pytest.raises(RulesError):
        IndicatorRules("X", periodicity="week")
    with pytest.raises(RulesError):
        IndicatorRules("X|Y")


def test_components_come_first_and_cycles_are_refused():
    rules = rules_by_code(
        [
            IndicatorRules("R", area_rule="ratio", numerator="A", denominator="D"),
            IndicatorRules("D", formula="B + C"),
            IndicatorRules("A"),
            IndicatorRules("B"),
            IndicatorRules("C"),
        ]
    )
    order = dependency_order(rules, ["R"])
    assert order.index("D") < order.index("R") and order.index("B") < order.index("D")
    assert dependents(rules, ["B"]) == {"B", "D", "R"}
    loop = rules_by_code(
        [IndicatorRules("P", formula="Q + 1"), IndicatorRules("Q", formula="P + 1")]
    )
    with pytest.raises(RulesError, match="cycle"):
        dependency_order(loop, ["P"])


def test_rules_given_twice_are_refused():
    with pytest.raises(RulesError):
        rules_by_code([IndicatorRules("A"), IndicatorRules("A")])
