"""The claims and BIJ12's yearly totals as delivery files for the indicator engine.

Both are ordinary CSV files that go in through ``koers import`` (or an upload) with their
shipped mapping, so aggregation, coverage, lineage and open data work as for every other
indicator, and a person approves and publishes them as for any delivery.

- ``claims_csv(schadejaar)``: taxed and paid damage of decided claims per province, in
  the margins species and crop (never their cross-table). A cell of fewer than three
  claims, or one that a shown total would give away, is delivered as *vertrouwelijk*
  without a value (disclosure.suppress), so the public sees that it exists, not what it is.
- ``yearly_totals_csv()``: the published national totals of jaarcijfers.yaml as
  reported figures for NL01, *geschat* where the source rounds or derives them.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from decimal import Decimal
from functools import cache
from pathlib import Path

import yaml

from koers.faunaschade.aggregates import DECIDED, published_totals, schadejaar
from koers.faunaschade.disclosure import Cell, group_total_is_safe, suppress
from koers.faunaschade.models import DamageItem

HERE = Path(__file__).resolve().parent
HEADER = ["gebied", "schadejaar", "diersoort", "gewas", "getaxeerd", "uitgekeerd", "status"]


@cache
def _codes() -> dict[str, dict[str, str]]:
    return yaml.safe_load((HERE / "monitor_codes.yaml").read_text(encoding="utf-8"))


def species_code(species: str) -> str:
    return _codes()["diersoort"].get(species, "overig")


def crop_code(crop: str) -> str:
    return _codes()["gewas"].get(crop, "overig")


def _euros(value: Decimal) -> str:
    return f"{value:.2f}"


def claims_csv(year: str) -> str:
    """Taxed and paid damage per province for the damage year ``year`` ("2024/25")."""
    totals: dict[str, dict] = defaultdict(
        lambda: {"claims": set(), "taxed": Decimal(0), "paid": Decimal(0)}
    )
    margins: dict[tuple[str, str, str], dict] = defaultdict(
        lambda: {"claims": set(), "taxed": Decimal(0), "paid": Decimal(0)}
    )
    items = DamageItem.objects.filter(claim__state__in=DECIDED).select_related("claim__province")
    for item in items:
        if schadejaar(item.claim.noticed_on) != year:
            continue
        province = item.claim.province.code
        taxed, paid = item.taxed or Decimal(0), item.paid or Decimal(0)
        for key in (
            (province, "Diersoort", species_code(item.species)),
            (province, "Gewas", crop_code(item.crop)),
        ):
            margins[key]["claims"].add(item.claim_id)
            margins[key]["taxed"] += taxed
            margins[key]["paid"] += paid
        totals[province]["claims"].add(item.claim_id)
        totals[province]["taxed"] += taxed
        totals[province]["paid"] += paid
    # Within a province, the parts of one dimension add up to its shown total.
    cells = [
        Cell(group=(province, dimension), key=code, claims=len(v["claims"]), values=v)
        for (province, dimension, code), v in margins.items()
    ]
    suppress(cells)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for province, v in sorted(totals.items()):
        safe = group_total_is_safe([Cell(province, "_T", len(v["claims"]))])
        writer.writerow(_row(province, year, "_T", "_T", v, hidden=not safe))
    for cell in sorted(cells, key=lambda c: (c.group, c.key)):
        province, dimension = cell.group
        species, crop = (cell.key, "_T") if dimension == "Diersoort" else ("_T", cell.key)
        writer.writerow(_row(province, year, species, crop, cell.values, hidden=cell.suppressed))
    return out.getvalue()


def _row(province, year, species, crop, values, *, hidden: bool) -> list[str]:
    if hidden:
        return [province, year, species, crop, "", "", "vertrouwelijk"]
    return [
        province,
        year,
        species,
        crop,
        _euros(values["taxed"]),
        _euros(values["paid"]),
        "normaal",
    ]


def yearly_totals_csv() -> str:
    """BIJ12's published national totals as reported figures (the year it names is the
    damage year that ends in it: "2023" is 1 November 2022 – 31 October 2023)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["gebied", "schadejaar", "uitgekeerd", "status"])
    for total in published_totals():
        period = f"{total.year - 1}/{str(total.year)[-2:]}"
        status = "geschat" if total.approximate else "normaal"
        writer.writerow(["NL01", period, _euros(total.paid), status])
    return out.getvalue()
