"""The figures of the claims, for the public monitor: aggregates only, small cells hidden.

Every figure of the claims that Koers publishes (here, in the API and in the delivery to the
indicator engine) comes from protected_figures(), which hides them all together
(disclosure.protect): a cell of fewer than three claims is never shown, nor one that could
be worked out from shown figures, within one table or across them. BIJ12's published
yearly totals (jaarcijfers.yaml) sit beside the figures of the claims handled in Koers.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import cache
from pathlib import Path
from statistics import median

import yaml

from koers.areas.models import Area
from koers.faunaschade.claims import DECISION_WEEKS
from koers.faunaschade.disclosure import MIN_CLAIMS, Cell, Line, protect
from koers.faunaschade.models import Claim, ClaimState, DamageItem

DECIDED = (ClaimState.DECIDED, ClaimState.PAID, ClaimState.OBJECTION, ClaimState.CLOSED)
YEARLY_TOTALS = Path(__file__).resolve().parent / "jaarcijfers.yaml"
MONITOR_CODES = Path(__file__).resolve().parent / "monitor_codes.yaml"


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


@cache
def _codes() -> dict[str, dict[str, str]]:
    return yaml.safe_load(MONITOR_CODES.read_text(encoding="utf-8"))


def species_code(species: str) -> str:
    """The species as the monitor and the indicator engine group it (monitor_codes.yaml)."""
    return _codes()["diersoort"].get(species, "overig")


def crop_code(crop: str) -> str:
    return _codes()["gewas"].get(crop, "overig")


# Keys of the figures of one damage year, as every publication shows them: the year's
# total, a province, a province × species group or crop group (the delivery), and a
# species group or crop group nationally (the monitor and the API).
TOTAL = ("totaal",)
DIMENSIONS = (("diersoort", species_code, "species"), ("gewas", crop_code, "crop"))


def protected_figures() -> dict[str, dict[Hashable, Cell]]:
    """Every figure of the decided claims that Koers publishes, per damage year, with the
    cells to hide marked, all publications protected together (disclosure.protect).

    The monitor, the API and the delivery to the indicator engine all read from here, so
    that no subtraction between them reveals a hidden cell.
    """
    years = _figures(DamageItem.objects.filter(claim__state__in=DECIDED))
    for cells in years.values():
        protect(cells, _lines(cells))
    return years


def province_figures(code: str) -> dict[str, dict[Hashable, Cell]]:
    """One province's own figures, unprotected: what its officials may see of its claims
    (only in aggregate, never a claim). Keys as in :func:`protected_figures`."""
    return _figures(DamageItem.objects.filter(claim__state__in=DECIDED, claim__province__code=code))


def _figures(items) -> dict[str, dict[Hashable, Cell]]:
    years: dict[str, dict[Hashable, Cell]] = defaultdict(dict)
    for item in items.select_related("claim__province"):
        year = schadejaar(item.claim.noticed_on)
        province = item.claim.province.code
        keys = [TOTAL, ("provincie", province)]
        for dimension, code, field in DIMENSIONS:
            group = code(getattr(item, field))
            keys += [(dimension, group), (dimension, province, group)]
        for key in keys:
            cell = years[year].get(key)
            if cell is None:
                cell = years[year][key] = Cell(
                    group=year, key=key, claims=0, values={"taxed": Decimal(0), "paid": Decimal(0)}
                )
            cell.ids = cell.ids | {item.claim_id}
            cell.claims = len(cell.ids)
            cell.values["taxed"] += item.taxed or Decimal(0)  # type: ignore[operator]
            cell.values["paid"] += item.paid or Decimal(0)  # type: ignore[operator]
    return dict(years)


def _lines(cells: dict[Hashable, Cell]) -> list[Line]:
    provinces = sorted(k[1] for k in cells if k[0] == "provincie")
    lines = [Line(TOTAL, tuple(("provincie", p) for p in provinces))]
    for dimension, _code, _field in DIMENSIONS:
        national = tuple(k for k in cells if len(k) == 2 and k[0] == dimension)
        lines.append(Line(TOTAL, national))
        for p in provinces:
            parts = tuple(k for k in cells if len(k) == 3 and k[0] == dimension and k[1] == p)
            lines.append(Line(("provincie", p), parts))
        for _dim, group in national:
            parts = tuple(k for k in cells if len(k) == 3 and k[0] == dimension and k[2] == group)
            lines.append(Line((dimension, group), parts))
    return lines


def by_province(figures: dict | None = None) -> Table:
    """Claims, taxed and paid damage per damage year and province."""
    names = dict(Area.objects.filter(type="provincie").values_list("code", "name"))
    return _table(
        "provincie", lambda key: key[0] == "provincie", lambda key: names.get(key[1]), figures
    )


def by_item(field: str, label: str, figures: dict | None = None) -> Table:
    """Claims, taxed and paid damage per damage year and species or crop group (nationally)."""
    dimension = "diersoort" if field == "species" else "gewas"
    return _table(
        label, lambda key: len(key) == 2 and key[0] == dimension, lambda key: key[1], figures
    )


def tables(species_label: str, crop_label: str) -> tuple[Table, Table, Table]:
    """The three public tables (province, species, crop) from one protected computation."""
    figures = protected_figures()
    return (
        by_province(figures),
        by_item("species", species_label, figures),
        by_item("crop", crop_label, figures),
    )


def _table(dimension: str, wanted, label, figures_by_year: dict | None) -> Table:
    cells, totals = [], {}
    if figures_by_year is None:
        figures_by_year = protected_figures()
    for year, figures in figures_by_year.items():
        for key, cell in figures.items():
            if wanted(key):
                cells.append(
                    Cell(year, label(key) or key[1], cell.claims, cell.values, cell.suppressed,
                         cell.reason)
                )  # fmt: skip
        total = figures[TOTAL]
        if not total.suppressed:
            totals[year] = {"claims": total.claims, **total.values}
    return Table(dimension, cells, totals)


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
    # a median of one or two claims is those claims' own handling time: not shown
    to_decision = to_decision if len(to_decision) >= MIN_CLAIMS else []
    to_payment = to_payment if len(to_payment) >= MIN_CLAIMS else []
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
