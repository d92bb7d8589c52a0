"""Delivery templates: exactly the rows a province is expected to fill in (CSV or XLSX)."""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from koers.areas.queries import dutch_provinces
from koers.deliveries.ingest.template import TEMPLATE_COLUMNS
from koers.indicators.models import Indicator


class TemplateError(Exception):
    code = "template"


def template_rows(*, province: str, indicators: list[str], period: str) -> list[list[str]]:
    """One row per indicator × breakdown code (the total `_T` first) for the province."""
    if not dutch_provinces().filter(code=province).exists():
        raise TemplateError(f"unknown province {province!r}")
    found = {i.code: i for i in Indicator.objects.filter(code__in=indicators)}
    unknown = [code for code in indicators if code not in found]
    if unknown:
        raise TemplateError(f"unknown indicators: {', '.join(unknown)}")
    rows = []
    for code in indicators:
        breakdowns = ["_T"]
        for dim, spec in sorted(found[code].breakdowns.items()):
            breakdowns += [f"{dim}={c['code']}" for c in spec.get("codes", []) if c["code"] != "_T"]
        rows += [[code, province, period, part, "realisatie", "", ""] for part in breakdowns]
    return rows


def write_template(
    target: Path, *, province: str, indicators: list[str], period: str, file_format: str
) -> int:
    rows = template_rows(province=province, indicators=indicators, period=period)
    if file_format == "csv":
        with open(target, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(TEMPLATE_COLUMNS)
            writer.writerows(rows)
        return len(rows)
    book = Workbook()
    sheet = book.active
    sheet.title = "aanlevering"
    sheet.append(list(TEMPLATE_COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="154273")
    for row in rows:
        sheet.append(row)
    status = DataValidation(
        type="list",
        formula1='"normaal,geschat,voorlopig,ontbrekend,vertrouwelijk"',
        allow_blank=True,
    )
    sheet.add_data_validation(status)
    status.add(f"G2:G{len(rows) + 1}")
    for column, width in zip("ABCDEFG", (28, 10, 10, 36, 12, 14, 14), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    help_sheet = book.create_sheet("toelichting")
    for line in (
        "Vul per rij de kolom 'waarde' in. "
        "Laat een cel leeg als de waarde ontbreekt (dat is niet 0).",
        "Status: normaal, geschat, voorlopig, ontbrekend of vertrouwelijk (leeg = normaal).",
        "Wijzig de andere kolommen niet; upload het bestand zonder mapping.",
    ):
        help_sheet.append([line])
    book.save(target)
    return len(rows)
