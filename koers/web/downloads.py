"""The numbers of a figure as CSV, XLSX or JSON: one table, three renderings.

Values are rounded to the indicator's decimals, exactly as the page shows them.
"""

from __future__ import annotations

import csv
import io
import json
import re

from django.http import HttpResponse
from django.urls import reverse

from koers.web.figures import IndicatorView
from koers.web.numbers import rounded, unit_label

COLUMNS = (
    "indicator",
    "uitsplitsing",
    "gebied",
    "gebiedsnaam",
    "periode",
    "waarde",
    "eenheid",
    "dekking_aantal",
    "dekking_verwacht",
    "onvolledig",
    "herkomst",
)
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


class UnknownFormat(ValueError):
    """A download was asked for in a format Koers does not write."""

    code = "unknown_download_format"


def download_table(view: IndicatorView) -> list[dict]:
    """One dict per number the figure shows, with the columns of COLUMNS."""
    indicator = view.indicator
    decimals = max(indicator.decimals, 0)
    unit = unit_label(indicator)
    out = []
    for row in view.download_rows():
        value = row.get("value")
        out.append(
            {
                "indicator": indicator.code,
                "uitsplitsing": view.breakdown,
                "gebied": row["area"],
                "gebiedsnaam": view.name(row["area"]),
                "periode": row["period"],
                "waarde": float(rounded(value, decimals)) if value is not None else None,
                "eenheid": unit,
                "dekking_aantal": row.get("coverage_count"),
                "dekking_verwacht": row.get("coverage_expected"),
                "onvolledig": row.get("partial"),
                "herkomst": (
                    reverse("data:lineage", args=[row["lineage_id"]])
                    if row.get("lineage_id")
                    else None
                ),
            }
        )
    return out


def _csv(rows: list[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _xlsx(rows: list[dict], title: str) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31] or "koers")
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append([row[c] for c in COLUMNS])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _json(rows: list[dict], view: IndicatorView) -> bytes:
    document = {
        "indicator": view.indicator.code,
        "naam": view.indicator.label,
        "eenheid": unit_label(view.indicator),
        "uitsplitsing": view.breakdown,
        "provincies": view.provinces,
        "periode_kaart": view.period,
        "rijen": rows,
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def download_response(view: IndicatorView, file_format: str) -> HttpResponse:
    """The figure's table as a file named after the indicator and breakdown."""
    if file_format not in FORMATS:
        raise UnknownFormat(f"unknown download format {file_format!r}")
    rows = download_table(view)
    if file_format == "csv":
        body = _csv(rows)
    elif file_format == "xlsx":
        body = _xlsx(rows, view.indicator.code)
    else:
        body = _json(rows, view)
    suffix = "" if view.breakdown == "_T" else "-" + _UNSAFE.sub("-", view.breakdown)
    response = HttpResponse(body, content_type=FORMATS[file_format])
    filename = f"koers-{view.indicator.code}{suffix}.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
