"""Write a work programme as the workbook Koers reads back: the template (no activities) and
the export (every activity) are the same file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from koers.workprogramme.excel.layout import (
    ACTIVITIES_SHEET,
    ACTIVITY_COLUMNS,
    CONTRIBUTION_COLUMNS,
    CONTRIBUTIONS_SHEET,
    HELP_LINES,
    HELP_SHEET,
    LIST_SEPARATOR,
    MILESTONE_COLUMNS,
    MILESTONES_SHEET,
    PROGRAMME_SHEET,
    ActivityValues,
)
from koers.workprogramme.models import ActivityStatus

_HEADER_FONT = Font(bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="154273")
_WIDE = {"titel": 40, "omschrijving": 50, "risicos": 40, "doelen": 16, "contactpersoon": 24}


def write_workbook(
    target: Path,
    *,
    theme: str,
    year: int,
    title: str = "",
    activities: Sequence[ActivityValues] = (),
) -> int:
    """Write the workbook to ``target``; returns the number of activities written."""
    book = Workbook()
    head = book.active
    head.title = PROGRAMME_SHEET
    for key, value in (("thema", theme), ("jaar", year), ("titel", title)):
        head.append([key, value])
        head.cell(head.max_row, 1).font = Font(bold=True)
    head["B1"].number_format = "@"  # 2.1 stays text, not the number 2.1
    head.column_dimensions["B"].width = 50

    sheet = _sheet(book, ACTIVITIES_SHEET, list(ACTIVITY_COLUMNS))
    for activity in activities:
        sheet.append([_cell(getattr(activity, f)) for f in ACTIVITY_COLUMNS.values()])
    status = DataValidation(
        type="list", formula1=f'"{",".join(ActivityStatus.values)}"', allow_blank=True
    )
    sheet.add_data_validation(status)
    status_column = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[list(ACTIVITY_COLUMNS).index("status")]
    status.add(f"{status_column}2:{status_column}1000")
    for index, column in enumerate(ACTIVITY_COLUMNS):
        letter = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[index]
        sheet.column_dimensions[letter].width = _WIDE.get(column, 14)

    milestones = _sheet(book, MILESTONES_SHEET, list(MILESTONE_COLUMNS))
    contributions = _sheet(book, CONTRIBUTIONS_SHEET, list(CONTRIBUTION_COLUMNS))
    for activity in activities:
        for milestone in activity.milestones:
            done = "ja" if milestone.done else "nee"
            milestones.append([activity.code, milestone.title, milestone.date, done])
        for contribution in activity.contributions:
            contributions.append([activity.code, contribution.province, contribution.amount])
    for column in ("B",):
        milestones.column_dimensions[column].width = 40

    help_sheet = book.create_sheet(HELP_SHEET)
    for line in HELP_LINES:
        help_sheet.append([line])
    help_sheet.column_dimensions["A"].width = 120
    book.save(target)
    return len(activities)


def _sheet(book: Workbook, name: str, columns: list[str]):
    sheet = book.create_sheet(name)
    sheet.append(columns)
    for cell in sheet[1]:
        cell.font, cell.fill = _HEADER_FONT, _HEADER_FILL
    sheet.freeze_panes = "A2"
    return sheet


def _cell(value):
    if isinstance(value, tuple):
        return f"{LIST_SEPARATOR} ".join(value)
    return value
