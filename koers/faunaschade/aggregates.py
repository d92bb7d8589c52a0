"""The figures of the claims, for the public monitor: aggregates only, small cells hidden.

Every table here goes through disclosure.suppress(): a cell of fewer than three claims is
never shown, nor one that could be derived from a shown total. BIJ12's published yearly
totals (jaarcijfers.yaml) sit beside the figures of the claims handled in Koers.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import cache
from pathlib import Path
from statistics import median

import yaml

from koers.faunaschade.claims import DECISION_WEEKS
from koers.faunaschade.disclosure import Cell, group_total_is_safe, suppress
from koers.faunaschade.models import Claim, ClaimState, DamageItem

DECIDED = (ClaimState.DECIDED, ClaimState.PAID, ClaimState.OBJECTION, ClaimState.CLOSED)
YEARLY_TOTALS = Path(__file__).resolve().parent / "jaarcijfers.yaml"


def schadejaar(day: date) -> str:
    """BIJ12's damage year, 1 November – 31 October, labelled as published ("2024/25")."""
    first = day.year if day.month >= 11 else day.year - 1
    return f"{first}/{str(first + 1)[-2:]}"


@dataclass(frozen=True)
class YearlyTotal:
    year: int
    paid: Decimal
    approximate: bool
    applications: int | None
    note: str
    source: str


@cache
def published_totals() -> tuple[YearlyTotal, ...]:
    rows = yaml.safe_load(YEARLY_TOTALS.read_text(encoding="utf-8"))
    return tuple(
        YearlyTotal(
            year=int(row["year"]),
            paid=Decimal(str(row["paid"])),
            approximate=bool(row.get("approximate", False)),
            applications=row.get("applications"),
            note=str(row.get("note", "")),
            source=str(row["source"]),
        )
        for row in rows
    )


@dataclass
class Table:
    """Cells grouped by damage year, with each year's total when it is safe to show."""

    dimension: str
    cells: list[Cell]
    totals: dict[str, dict[str, object]]

    def by_year(self) -> list[tuple[str, list[Cell], dict[str, object] | None]]:
        years = sorted({c.group for c in self.cells}, reverse=True)
        return [
            (
                year,
                sorted((c for c in self.cells if c.group == year), key=lambda c: str(c.key)),
                self.totals.get(year),
            )
            for year in years
        ]


def _claims():
    return Claim.objects.filter(state__in=DECIDED).select_related("province")


def by_province() -> Table:
    """Claims, taxed and paid damage per damage year and province (claim level)."""
    sums: dict[tuple[str, str], dict[str, object]] = defaultdict(
        lambda: {"claims": 0, "taxed": Decimal(0), "paid": Decimal(0)}
    )
    taxed = _taxed_per_claim()
    for claim in _claims():
        row = sums[(schadejaar(claim.noticed_on), claim.province.name)]
        row["claims"] += 1  # type: ignore[operator]
        row["taxed"] += taxed.get(claim.pk, Decimal(0))  # type: ignore[operator]
        row["paid"] += claim.payout or Decimal(0)  # type: ignore[operator]
    return _table("provincie", sums)


def by_item(field: str, label: str) -> Table:
    """Claims, taxed and paid damage per damage year and species or crop (item level)."""
    sums: dict[tuple[str, str], dict[str, object]] = defaultdict(
        lambda: {"claims": set(), "taxed": Decimal(0), "paid": Decimal(0)}
    )
    items = DamageItem.objects.filter(claim__state__in=DECIDED).select_related("claim")
    for item in items:
        row = sums[(schadejaar(item.claim.noticed_on), getattr(item, field))]
        row["claims"].add(item.claim_id)  # type: ignore[attr-defined]
        row["taxed"] += item.taxed or Decimal(0)  # type: ignore[operator]
        row["paid"] += item.paid or Decimal(0)  # type: ignore[operator]
    for row in sums.values():
        row["claims"] = len(row["claims"])  # type: ignore[arg-type]
    return _table(label, sums)


def _taxed_per_claim() -> dict[int, Decimal]:
    totals: dict[int, Decimal] = defaultdict(Decimal)
    for claim_id, taxed in DamageItem.objects.filter(claim__state__in=DECIDED).values_list(
        "claim_id", "taxed"
    ):
        totals[claim_id] += taxed or Decimal(0)
    return totals


def _table(dimension: str, sums: dict[tuple[str, str], dict[str, object]]) -> Table:
    cells = [
        Cell(group=year, key=key, claims=int(values["claims"]), values=values)  # type: ignore[arg-type]
        for (year, key), values in sums.items()
    ]
    suppress(cells)
    year_claims = _claims_per_year()
    totals = {}
    for year in {c.group for c in cells}:
        members = [c for c in cells if c.group == year]
        total_claims = year_claims.get(year, 0)
        if group_total_is_safe([Cell(year, "all", total_claims)]):
            totals[year] = {
                "claims": total_claims,
                "taxed": sum((c.values["taxed"] for c in members), Decimal(0)),
                "paid": sum((c.values["paid"] for c in members), Decimal(0)),
            }
    return Table(dimension, cells, totals)


def _claims_per_year() -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for noticed_on in _claims().values_list("noticed_on", flat=True):
        counts[schadejaar(noticed_on)] += 1
    return counts


@dataclass(frozen=True)
class Handling:
    """Efficient handling, in the goal's own words: how fast, and what is waiting."""

    decided: int
    median_days_to_decision: float | None
    median_days_to_payment: float | None
    share_within_aim: float | None
    backlog: dict[str, int]


def handling() -> Handling:
    decided = list(_claims().exclude(decided_on=None))
    to_decision = [(c.decided_on - c.applied_on).days for c in decided]
    to_payment = [(c.paid_on - c.applied_on).days for c in decided if c.paid_on]
    aim = timedelta(weeks=DECISION_WEEKS).days
    backlog = {
        ClaimState(state).label: Claim.objects.filter(state=state).count()
        for state in (ClaimState.SUBMITTED, ClaimState.TAXED, ClaimState.OBJECTION)
    }
    return Handling(
        decided=len(decided),
        median_days_to_decision=median(to_decision) if to_decision else None,
        median_days_to_payment=median(to_payment) if to_payment else None,
        share_within_aim=(sum(d <= aim for d in to_decision) / len(to_decision))
        if to_decision
        else None,
        backlog=backlog,
    )
