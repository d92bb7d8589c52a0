"""The claims and BIJ12's yearly totals as delivery files for the indicator engine.

Both are ordinary CSV files that go in through ``koers import`` (or an upload) with their
shipped mapping, so aggregation, coverage, lineage and open data work as for every other
indicator, and a person approves and publishes them as for any delivery.

- ``claims_csv(schadejaar)``: taxed and paid damage of decided claims per province, in
  the margins species and crop (never their cross-table). A cell of fewer than three
  claims, or one that any shown figure (here, on the monitor or in the API) would give
  away, is delivered as *vertrouwelijk* without a value (aggregates.protected_figures), so
  the public sees that it exists, not what it is.
- ``yearly_totals_csv()``: the published national totals of jaarcijfers.yaml as
  reported figures for NL01, *geschat* where the source rounds or derives them.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

from koers.faunaschade.aggregates import protected_figures, published_totals

HERE = Path(__file__).resolve().parent
HEADER = ["gebied", "schadejaar", "diersoort", "gewas", "getaxeerd", "uitgekeerd", "status"]


def _euros(value: Decimal) -> str:
    return f"{value:.2f}"


def claims_csv(year: str) -> str:
    """Taxed and paid damage per province for the damage year ``year`` ("2024/25")."""
    figures = protected_figures().get(year, {})
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for key in sorted((k for k in figures if k[0] == "provincie"), key=str):
        cell = figures[key]
        writer.writerow(_row(key[1], year, "_T", "_T", cell.values, hidden=cell.suppressed))
    for key in sorted((k for k in figures if len(k) == 3), key=lambda k: (k[1], k[0], k[2])):
        dimension, province, code = key
        species, crop = (code, "_T") if dimension == "diersoort" else ("_T", code)
        cell = figures[key]
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
