"""Delivery templates: exactly the rows a province is expected to fill in (CSV or XLSX).

Each row says what to fill in and what is plausible: the indicator's name and unit, the
province's published value of the previous period, and the allowed range (in the XLSX also
as Excel data validation on the `waarde` cell). Only indicators a province delivers itself
(deliveries/obligations.py) are offered. The columns Koers reads back are those of
`ingest.template.TEMPLATE_COLUMNS`; the others are for the person and ignored on upload.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from koers.areas.queries import dutch_provinces
from koers.deliveries.context import indicator_specs
from koers.deliveries.ingest import PeriodCodeError
from koers.deliveries.ingest.periods import previous_period
from koers.deliveries.ingest.validation.errors import number_text
from koers.deliveries.ingest.validation.plausibility import CEILING, plausible_range, range_label
from koers.deliveries.models import DeliveryStatus, Observation
from koers.deliveries.obligations import is_province_indicator
from koers.indicators.models import Indicator

#: The template's header; the read columns keep the names of TEMPLATE_COLUMNS.
LAYOUT = (
    "indicator",
    "naam",
    "eenheid",
    "gebied",
    "periode",
    "uitsplitsing",
    "waardetype",
    "vorige periode",
    "vorige waarde",
    "toegestaan",
    "waarde",
    "status",
)
_WIDTHS = (28, 40, 12, 8, 9, 30, 11, 14, 14, 22, 14, 14)
_VALUE_COLUMN = "K"  # `waarde` in the XLSX
_STATUS_COLUMN = "L"
_READ_FILL, _INFO_FILL = "154273", "5C6B7A"  # columns Koers reads / columns for the reader


class TemplateError(Exception):
    code = "template"


@dataclass(frozen=True)
class TemplateRow:
    indicator: str
    name: str
    unit: str
    province: str
    period: str
    breakdown: str
    previous_period: str
    previous_value: float | None
    low: float
    high: float
    whole_numbers: bool

    @property
    def allowed(self) -> str:
        return range_label(self.low, self.high)

    def cells(self) -> list:
        """The row's cells in LAYOUT order (`waarde` and `status` blank, to fill in)."""
        return [
            self.indicator,
            self.name,
            self.unit,
            self.province,
            self.period,
            self.breakdown,
            "realisatie",
            self.previous_period,
            self.previous_value,
            self.allowed,
            None,
            None,
        ]


def _breakdowns(indicator: Indicator) -> list[tuple[str, str]]:
    """(code, name) per row: the total `_T` first, then every part of every dimension."""
    parts = [("_T", "")]
    for dim, spec in sorted(indicator.breakdowns.items()):
        for entry in spec.get("codes", []):
            if entry["code"] == "_T":
                continue
            names = entry.get("name") or {}
            label = names.get("nl") if isinstance(names, dict) else str(names)
            parts.append((f"{dim}={entry['code']}", f"{dim}: {label or entry['code']}"))
    return parts


def _previous_values(province: str, codes: list[str], period: str) -> dict[tuple, float | None]:
    """The province's published current value per (indicator, breakdown) in ``period``."""
    rows = Observation.objects.filter(
        indicator__code__in=codes,
        area__code=province,
        period=period,
        value_kind="realisation",
        superseded_at__isnull=True,
        delivery__status=DeliveryStatus.PUBLISHED,
    ).values_list("indicator__code", "breakdown", "value")
    return {(code, breakdown): value for code, breakdown, value in rows}


def template_rows(*, province: str, indicators: list[str], period: str) -> list[TemplateRow]:
    """One row per indicator × breakdown code (the total `_T` first) for the province."""
    if not dutch_provinces().filter(code=province).exists():
        raise TemplateError(f"unknown province {province!r}")
    found = {i.code: i for i in Indicator.objects.filter(code__in=indicators)}
    unknown = [code for code in indicators if code not in found]
    if unknown:
        raise TemplateError(f"unknown indicators: {', '.join(unknown)}")
    others = [code for code in indicators if not is_province_indicator(found[code])]
    if others:
        named = ", ".join(f"{c} ({found[c].source_producer or '?'})" for c in others)
        raise TemplateError(
            f"a province does not deliver these itself (their source does): {named}"
        )
    try:
        before = previous_period(period)
    except (PeriodCodeError, KeyError, ValueError):
        before = ""
    previous = _previous_values(province, indicators, before) if before else {}
    specs = indicator_specs()
    rows = []
    for code in indicators:
        indicator = found[code]
        low, high = plausible_range(specs[code])
        for breakdown, part in _breakdowns(indicator):
            rows.append(
                TemplateRow(
                    indicator=code,
                    name=f"{indicator.name} · {part}" if part else indicator.name,
                    unit=indicator.unit,
                    province=province,
                    period=period,
                    breakdown=breakdown,
                    previous_period=before,
                    previous_value=previous.get((code, breakdown)),
                    low=low,
                    high=high,
                    whole_numbers=indicator.value_type == "integer",
                )
            )
    return rows


def write_template(
    target: Path, *, province: str, indicators: list[str], period: str, file_format: str
) -> int:
    rows = template_rows(province=province, indicators=indicators, period=period)
    if file_format == "csv":
        with open(target, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(LAYOUT)
            for row in rows:
                cells = row.cells()
                cells[8] = "" if row.previous_value is None else number_text(row.previous_value)
                writer.writerow(["" if cell is None else cell for cell in cells])
        return len(rows)
    _write_xlsx(target, rows)
    return len(rows)


def _write_xlsx(target: Path, rows: list[TemplateRow]) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "aanlevering"
    sheet.append(list(LAYOUT))
    for cell, name in zip(sheet[1], LAYOUT, strict=True):
        cell.font = Font(bold=True, color="FFFFFF")
        read = name in ("indicator", "gebied", "periode", "uitsplitsing", "waardetype", "waarde")
        cell.fill = PatternFill(
            "solid", fgColor=_READ_FILL if read or name == "status" else _INFO_FILL
        )
    for row in rows:
        sheet.append(row.cells())
    _number_validations(sheet, rows)
    status = DataValidation(
        type="list",
        formula1='"normaal,geschat,voorlopig,ontbrekend,vertrouwelijk"',
        allow_blank=True,
    )
    sheet.add_data_validation(status)
    status.add(f"{_STATUS_COLUMN}2:{_STATUS_COLUMN}{len(rows) + 1}")
    for index, width in enumerate(_WIDTHS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "B2"
    help_sheet = book.create_sheet("toelichting")
    for line in (
        "Vul per rij de kolom 'waarde' in. "
        "Laat een cel leeg als de waarde ontbreekt (dat is niet 0).",
        "'vorige waarde' is de gepubliceerde waarde van de vorige periode; "
        "'toegestaan' is het bereik dat Koers accepteert.",
        "Status: normaal, geschat, voorlopig, ontbrekend of vertrouwelijk (leeg = normaal).",
        "Wijzig de kolommen indicator, gebied, periode, uitsplitsing en waardetype niet; "
        "upload het bestand zonder mapping.",
    ):
        help_sheet.append([line])
    book.save(target)


def _number_validations(sheet, rows: list[TemplateRow]) -> None:
    """Excel data validation on every `waarde` cell: a number in the allowed range."""
    groups: dict[tuple, list[list[int]]] = {}  # rule -> runs of consecutive sheet rows
    for number, row in enumerate(rows, start=2):
        runs = groups.setdefault((row.whole_numbers, row.low, row.high, row.unit), [])
        if runs and runs[-1][1] == number - 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    for (whole, low, high, unit), runs in groups.items():
        if high >= CEILING and low > -CEILING:
            operator, formulas = "greaterThanOrEqual", (low,)
        elif low <= -CEILING and high < CEILING:
            operator, formulas = "lessThanOrEqual", (high,)
        else:
            operator, formulas = "between", (low, high)
        kind = "geheel getal" if whole else "getal"
        rule = DataValidation(
            type="whole" if whole else "decimal",
            operator=operator,
            formula1=format(formulas[0], ".15g"),
            formula2=format(formulas[1], ".15g") if len(formulas) > 1 else None,
            allow_blank=True,
            showErrorMessage=True,
            showInputMessage=True,
            errorTitle="Waarde buiten bereik",
            error=f"Vul een {kind} in, {range_label(low, high)} ({unit}).",
            promptTitle="Waarde",
            prompt=f"Een {kind}, {range_label(low, high)} ({unit}). Leeg = ontbreekt.",
        )
        sheet.add_data_validation(rule)
        for first, last in runs:
            rule.add(f"{_VALUE_COLUMN}{first}:{_VALUE_COLUMN}{last}")
