"""Key columns as ENUM types: every period a run can produce is declared, no string keys."""

from __future__ import annotations

from koers.engine import IndicatorRules
from koers.engine.keys import period_domain
from koers.engine.pipeline import Aggregation
from koers.engine.tests.factories import observations, provinces_and_nation


def test_period_domain_holds_every_coarser_period_and_the_windows_years():
    assert period_domain(["2023-03"], []) == {"2023-03", "2023-Q1", "2023-H1", "2023"}
    assert period_domain(["2023-Q4"], [(2019, 2021)]) == {
        "2023-Q4", "2023-H2", "2023", "2019/2021", "2019", "2020", "2021",
    }  # fmt: skip


def test_the_output_keys_stay_enums_so_the_store_write_stays_cheap():
    """A key that falls back to VARCHAR is still correct but makes a refresh ~3x slower."""
    areas, links = provinces_and_nation()
    rows = [("A", f"PV{p}", "2023-Q1", 1.0) for p in range(20, 32)]
    rows += [("B", f"PV{p}", "2023-Q1", 2.0) for p in range(20, 32)]
    rules = [
        IndicatorRules("A", periodicity="quarter"),
        IndicatorRules("B", periodicity="quarter"),
        IndicatorRules("R", area_rule="ratio", numerator="A", denominator="B"),
    ]
    run = Aggregation(observations(*rows), areas, links, rules)
    try:
        described = run.con.execute(f"DESCRIBE {run.stored_sql()}").fetchall()
        types = {name: kind for name, kind, *_ in described}
    finally:
        run.close()
    for key in ("indicator", "hierarchy", "area", "period", "breakdown", "value_kind"):
        assert types[key].startswith("ENUM"), (key, types[key])
