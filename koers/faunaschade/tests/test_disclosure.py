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
    # the map of the newest damage year hides the same provinces
    assert "Uitgekeerd per provincie, schadejaar 2024/25" in html
    assert "Noord-Holland: € 4.800" in html
    assert "Drenthe: afgeschermd" in html and "Fryslân: afgeschermd" in html
    assert "€ 778" not in html and "€ 4.500" not in html


# -- across publications: the monitor, the API and the delivery to the indicator engine --


def _decided(handler, province: str, paid: str, species: str = "grauwe_gans") -> None:
    from koers.faunaschade import claims
    from koers.faunaschade.tests.test_claims import EXAMPLE, untaxed

    data = untaxed(EXAMPLE)
    data["provincie"] = province
    data["schadeposten"] = data["schadeposten"][:1]
    data["schadeposten"][0]["soort"] = species
    claim = claims.submit(data, user=handler, applicant="Boer")
    item = claim.items.get()
    claims.record_taxation(
        claim, {item.pk: Decimal("5000.00")}, taxed_on=date(2025, 3, 1), user=handler
    )
    claims.decide(
        claim, decided_on=date(2025, 3, 10), user=handler, payout=Decimal(paid), reason="t"
    )


def _delivered(year: str = "2024/25") -> dict[tuple[str, str, str], str]:
    import csv
    import io

    from koers.faunaschade.delivery import claims_csv

    rows = csv.DictReader(io.StringIO(claims_csv(year)))
    return {(r["gebied"], r["diersoort"], r["gewas"]): r["uitgekeerd"] for r in rows}


@pytest.mark.django_db
def test_the_delivery_hides_the_province_the_monitor_hides_so_the_total_gives_nothing_away(
    client, register, make_user
) -> None:
    handler = make_user("claims_handler", name="behandelaar")
    for _ in range(3):
        _decided(handler, "PV21", "1500.00")
    _decided(handler, "PV22", "777.77")
    for _ in range(4):
        _decided(handler, "PV27", "1200.00")
    html = client.get("/faunaschade/").content.decode()
    assert "10.077,77" in html  # the year's total on the monitor
    delivered = _delivered()
    # monitor total − Noord-Holland − Fryslân (if delivered) would give Drenthe's 777.77
    assert delivered[("PV21", "_T", "_T")] == ""
    assert delivered[("PV27", "_T", "_T")] == "4800.00"


@pytest.mark.django_db
def test_two_hidden_single_claims_are_not_shown_together_by_subtraction(
    client, register, make_user
) -> None:
    handler = make_user("claims_handler", name="behandelaar")
    for _ in range(5):
        _decided(handler, "PV21", "1000.00")
    _decided(handler, "PV22", "311.11")
    _decided(handler, "PV23", "422.22")
    api = client.get("/api/v1/faunaschade-cijfers").json()
    shown = {c["sleutel"]: c["uitgekeerd"] for c in api["perProvincie"] if not c["afgeschermd"]}
    # total − Fryslân would be Drenthe + Overijssel: two claims, each knowing the other's
    assert "Fryslân" not in shown
    assert "733.33" not in client.get("/faunaschade/").content.decode()


@pytest.mark.django_db
def test_a_national_species_figure_and_the_delivered_provinces_never_give_one_away(
    client, register, make_user
) -> None:
    handler = make_user("claims_handler", name="behandelaar")
    for _ in range(3):
        _decided(handler, "PV21", "1000.00")  # geese in Fryslân
    for paid in ("250.00", "260.00"):
        _decided(handler, "PV27", paid)  # two goose claims in Noord-Holland
    for _ in range(3):
        _decided(handler, "PV27", "900.00", species="das")
    api = client.get("/api/v1/faunaschade-cijfers").json()
    gans = next(c for c in api["perDiersoort"] if c["sleutel"] == "gans")
    delivered = _delivered()
    fryslan = delivered[("PV21", "gans", "_T")]
    # the national geese − Fryslân's geese would be Noord-Holland's two goose claims
    assert gans["afgeschermd"] or fryslan == ""


def _table(counts: list[list[int]]) -> tuple[dict, list]:
    """A province × species table with both margins and the grand total, as published."""
    from koers.faunaschade.disclosure import Line

    cells, ids = {}, iter(range(10**6))
    for p, row in enumerate(counts):
        for s, n in enumerate(row):
            if n:
                cells[(p, s)] = Cell("y", (p, s), n, ids=frozenset(next(ids) for _ in range(n)))

    def margin(key, members):
        claim_ids = frozenset().union(*(cells[m].ids for m in members))
        cells[key] = Cell("y", key, len(claim_ids), ids=claim_ids)

    rows = {p: [k for k in cells if k[0] == p] for p in range(len(counts))}
    columns = {s: [k for k in cells if k[1] == s] for s in range(len(counts[0]))}
    rows = {p: m for p, m in rows.items() if m}
    columns = {s: m for s, m in columns.items() if m}
    lines = []
    for p, members in rows.items():
        margin(("P", p), members)
        lines.append(Line(("P", p), tuple(members)))
    for s, members in columns.items():
        margin(("S", s), members)
        lines.append(Line(("S", s), tuple(members)))
    margin("T", [("P", p) for p in rows])
    lines += [Line("T", tuple(("P", p) for p in rows)), Line("T", tuple(("S", s) for s in columns))]
    return cells, lines


def test_a_cell_fixed_by_the_other_direction_is_found() -> None:
    from koers.faunaschade.disclosure import Line, derivable

    cells, lines = _table([[1, 2], [5, 5]])
    for key in ((0, 0), (0, 1), ("P", 0)):
        cells[key].suppressed = True  # row 0 hidden whole: each cell = its column − row 1
    assert set(derivable(cells, lines)) == {(0, 0), (0, 1), ("P", 0)}
    assert derivable({"a": Cell("g", "a", 1, suppressed=True)}, [Line("t", ("a", "b"))]) == []


@given(
    st.lists(
        st.lists(st.integers(min_value=0, max_value=6), min_size=3, max_size=3),
        min_size=2,
        max_size=4,
    )
)
def test_no_hidden_figure_of_a_linked_table_can_be_worked_out(counts: list[list[int]]) -> None:
    from koers.faunaschade.disclosure import derivable, protect

    if not any(map(any, counts)):
        return
    cells, lines = _table(counts)
    protect(cells, lines)
    assert all(c.suppressed for c in cells.values() if c.claims < MIN_CLAIMS)
    assert derivable(cells, lines) == []
    for line in lines:
        hidden = [k for k in (line.total, *line.parts) if cells[k].suppressed]
        assert len(hidden) != 1 or len(line.parts) == 0
        if not cells[line.total].suppressed:
            parts = [cells[k] for k in line.parts if cells[k].suppressed]
            assert not parts or len(frozenset().union(*(c.ids for c in parts))) >= MIN_CLAIMS


@pytest.mark.django_db
def test_handling_times_of_one_or_two_claims_are_not_shown(register, make_user) -> None:
    from koers.faunaschade.aggregates import handling

    handler = make_user("claims_handler", name="behandelaar")
    for _ in range(2):
        _decided(handler, "PV21", "1000.00")
    assert handling().median_days_to_decision is None
    assert handling().share_within_aim is None
    _decided(handler, "PV21", "1000.00")
    assert handling().median_days_to_decision == 26  # 12 February → 10 March 2025
