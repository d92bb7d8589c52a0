"""Money is Decimal end to end: any amount with at most two decimals survives the workbook
(written by Koers, read back) exactly, as a number cell or as Dutch text."""

import datetime
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from koers.workprogramme.excel.layout import ActivityValues
from koers.workprogramme.excel.reader import Register, _decimal, read_workbook
from koers.workprogramme.excel.writer import write_workbook

AMOUNTS = st.decimals(min_value=0, max_value=Decimal("999999999999.99"), places=2)
REGISTER = Register(goals={"2.1.1": "2.1"}, indicators=frozenset(), provinces={"pv25": "PV25"})


@given(AMOUNTS)
def test_dutch_text_and_number_cells_read_back_exactly(amount):
    dutch = f"{amount:f}".replace(".", ",")
    assert _decimal(dutch) == amount
    assert _decimal(float(amount)) == amount  # what a number cell holds


@settings(max_examples=25, deadline=None)
@given(budget=AMOUNTS, realised=AMOUNTS)
def test_a_written_workbook_reads_back_the_same_amounts(tmp_path_factory, budget, realised):
    path = tmp_path_factory.mktemp("wb") / "wp.xlsx"
    activity = ActivityValues(
        code="A1", title="Iets", description="", goals=("2.1.1",), indicators=(),
        lead_province="PV25", participating_provinces=(), contact="",
        start=datetime.date(2026, 1, 1), end=datetime.date(2026, 12, 31), status="gepland",
        status_reason="", ipo_budget=budget, ipo_budget_realised=realised, fte=Decimal("1"),
        fte_realised=None, risks="",
    )  # fmt: skip
    write_workbook(path, theme="2.1", year=2026, activities=[activity])

    parsed = read_workbook(path, register=REGISTER)

    assert parsed.ok, [f.message_en for f in parsed.findings]
    assert parsed.activities[0].ipo_budget == budget
    assert parsed.activities[0].ipo_budget_realised == realised
