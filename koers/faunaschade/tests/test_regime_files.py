"""Regime files: every mistake names the file, the parameter and the value."""

from __future__ import annotations

import pytest
import yaml

from koers.faunaschade.rules.regime import RegimeError, Unknown, load_regimes, read_regime
from koers.faunaschade.rules.shipped import REGIMES_DIR, shipped_regimes

GOOD = yaml.safe_load((REGIMES_DIR / "NL-FAUNAFONDS-2014.yaml").read_text(encoding="utf-8"))


def with_change(path: list[str], value: object) -> dict:
    data = yaml.safe_load(yaml.safe_dump(GOOD))
    target = data
    for key in path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


def test_every_shipped_regime_loads_and_the_national_one_is_complete() -> None:
    national = next(r for r in shipped_regimes() if r.id == "NL-FAUNAFONDS-2014")
    unknown = [
        name
        for name in ("fee", "own_risk", "exclusions", "prevention", "deadline_working_days")
        if isinstance(getattr(national, name), Unknown)
    ]
    assert unknown == []
    assert isinstance(national.rounding, Unknown)  # the 2014 text has no rounding clause


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (["parameters", "fee", "amount"], 300.0, "fee.amount"),
        (["parameters", "fee", "amount"], "-1", "fee.amount"),
        (["parameters", "own_risk", "percentage"], "5", "own_risk.percentage"),
        (["parameters", "own_risk", "minimum_scope"], "per_jaar", "own_risk.minimum_scope"),
        (["parameters", "deadline", "working_days"], 0, "deadline.working_days"),
        (["parameters", "exclusions", "rules", 0, "period"], "10-32..11-01", "exclusions.rules[0]"),
        (["parameters", "minimum_payout"], KeyError, "minimum_payout: ontbreekt"),
        (["parameters", "fee", "tag"], "X", "tag 'X'"),
        (["valid_from"], "2014-13-01", "valid_from"),
    ],
)
def test_a_mistake_names_the_parameter(path: list, value: object, message: str) -> None:
    with pytest.raises(RegimeError) as caught:
        read_regime(with_change(path, value), "NL.yaml")
    assert "NL.yaml" in caught.value.message and message in caught.value.message


def test_two_regimes_of_a_province_may_not_overlap(tmp_path) -> None:
    for name, start in (("a", "2020-01-01"), ("b", "2021-01-01")):
        data = with_change(["valid_from"], start)
        data.update(id=name.upper(), province="PV99", valid_to=None)
        (tmp_path / f"{name}.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(RegimeError, match="gelden tegelijk"):
        load_regimes(tmp_path.glob("*.yaml"))
