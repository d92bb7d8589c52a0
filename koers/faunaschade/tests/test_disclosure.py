"""No published cell reveals fewer than three claims, directly or by subtraction."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koers.faunaschade.disclosure import MIN_CLAIMS, Cell, suppress


def test_small_cells_are_hidden_and_one_more_so_the_total_does_not_give_them_away() -> None:
    cells = suppress([Cell(2025, "PV21", 10), Cell(2025, "PV22", 2), Cell(2025, "PV27", 7)])
    hidden = {c.key: c.reason for c in cells if c.suppressed}
    assert hidden == {"PV22": "primair", "PV27": "secundair"}


def test_three_claims_are_shown() -> None:
    assert not any(c.suppressed for c in suppress([Cell(1, "a", 3), Cell(1, "b", 4)]))


@given(st.lists(st.integers(min_value=1, max_value=12), min_size=1, max_size=12))
def test_no_group_ever_has_exactly_one_hidden_cell(counts: list[int]) -> None:
    cells = suppress([Cell("g", i, n) for i, n in enumerate(counts)])
    hidden = [c for c in cells if c.suppressed]
    assert len(hidden) != 1 or len(cells) == 1
    assert all(c.suppressed for c in cells if c.claims < MIN_CLAIMS)


@pytest.mark.django_db
def test_the_public_monitor_never_shows_a_province_with_fewer_than_three_claims(
    client, register, make_user
) -> None:
    from koers.faunaschade import claims
    from koers.faunaschade.tests.test_claims import EXAMPLE, untaxed

    handler = make_user("claims_handler", name="behandelaar")

    def decided(province: str, amount: str) -> None:
        data = untaxed(EXAMPLE)
        data["provincie"] = province
        claim = claims.submit(data, user=handler, applicant="Boer")
        items = list(claim.items.all())
        claims.record_taxation(
            claim,
            {i.pk: Decimal("1000.00") for i in items},
            taxed_on=date(2025, 3, 1),
            user=handler,
        )
        claims.decide(
            claim, decided_on=date(2025, 3, 10), user=handler, payout=Decimal(amount), reason="test"
        )

    for _ in range(3):
        decided("PV21", "1500.00")
    decided("PV22", "777.77")  # one claim in Drenthe: never shown
    for _ in range(4):
        decided("PV27", "1200.00")
    html = client.get("/faunaschade/").content.decode()
    assert "777,77" not in html and "777.77" not in html
    assert "Drenthe" in html and "afgeschermd" in html
    # the smallest other province (Fryslân, 3 claims) is hidden too, else the year's total
    # minus the shown provinces would give Drenthe away
    assert "4.500,00" not in html
    assert "4.800,00" in html  # Noord-Holland: 4 × 1,200
    assert "10.077,77" in html  # the year's total: 8 claims
    assert "74.500.000" in html  # BIJ12's published total of 2024
