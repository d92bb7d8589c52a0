"""Read a work-programme workbook laid out like Koers' template, collecting every problem at
once (sheet, row, column, rule, value) instead of stopping at the first."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from koers.deliveries.ingest.errors import UnreadableFileError
from koers.deliveries.ingest.limit_checks import LimitExceeded, check_file_size
from koers.deliveries.ingest.limits import MB, IngestLimits
from koers.deliveries.ingest.readers.xlsx_guard import check_workbook
from koers.deliveries.ingest.validation.errors import ValidationError
from koers.deliveries.ingest.validation.rules import UnreadableFile
from koers.workprogramme.excel import errors as rule
from koers.workprogramme.excel.layout import (
    ACTIVITIES_SHEET,
    ACTIVITY_COLUMNS,
    CONTRIBUTION_COLUMNS,
    CONTRIBUTIONS_SHEET,
    LIST_SEPARATOR,
    MILESTONE_COLUMNS,
    MILESTONES_SHEET,
    PROGRAMME_SHEET,
    REQUIRED_COLUMNS,
    ActivityValues,
    ContributionValues,
    MilestoneValues,
)
from koers.workprogramme.models import NEEDS_REASON, ActivityStatus

#: A work programme is a small file: these bounds refuse anything else before it is opened.
LIMITS = IngestLimits(
    max_file_bytes=10 * MB, max_cells=200_000, max_columns=100, max_xlsx_expanded_bytes=100 * MB
)
MAX_ROWS = 1_000
_DUTCH_DATE = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")
_TWO_PLACES = Decimal("0.01")


@dataclass(frozen=True)
class Register:
    """What the workbook is checked against: the programme, catalogue and provinces."""

    goals: Mapping[str, str]  # goal number → theme number
    indicators: frozenset[str]
    provinces: Mapping[str, str]  # lower-case code or name → code
    themes: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if not self.themes:
            object.__setattr__(self, "themes", frozenset(self.goals.values()))


@dataclass
class ParsedProgramme:
    """The workbook's content and its findings; ``ok`` when it has no error."""

    file: str
    theme: str | None = None
    year: int | None = None
    title: str = ""
    activities: list[ActivityValues] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)  # activity code → row
    findings: list[ValidationError] = field(default_factory=list)

    @property
    def errors(self) -> list[ValidationError]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[ValidationError]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors


def read_workbook(path: Path, *, register: Register, name: str | None = None) -> ParsedProgramme:
    """Parse and check ``path``; the result lists every problem (nothing is stored here)."""
    parsed = ParsedProgramme(file=name or path.name)
    try:
        check_file_size(path, LIMITS)
        check_workbook(path, LIMITS)
        book = load_workbook(path, read_only=True, data_only=True)
    except LimitExceeded as exc:
        parsed.findings.append(exc.error(parsed.file))
        return parsed
    except (UnreadableFileError, OSError, ValueError, KeyError) as exc:
        reason = "geen Excel-werkmap (.xlsx)" if "zip" in str(exc).lower() else str(exc)
        parsed.findings.append(
            UnreadableFile(parsed.file, None, None, None, params={"reason": reason})
        )
        return parsed
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types on a broken file
        parsed.findings.append(
            UnreadableFile(parsed.file, None, None, None, params={"reason": str(exc)})
        )
        return parsed
    try:
        sheets = {name: _rows(book[name]) for name in book.sheetnames}
    finally:
        book.close()
    _Reader(parsed, register, sheets).read()
    return parsed


def _rows(sheet) -> list[tuple[Any, ...]]:
    rows = []
    for row in sheet.iter_rows(values_only=True):
        rows.append(row)
        if len(rows) > MAX_ROWS + 1:
            break
    return rows


class _Reader:
    def __init__(self, parsed: ParsedProgramme, register: Register, sheets: dict) -> None:
        self.parsed, self.register, self.sheets = parsed, register, sheets

    def add(self, error: type[ValidationError], sheet: str, row, column, value, **params) -> None:
        self.parsed.findings.append(
            error(self.parsed.file, row, column, _shown(value), params={"sheet": sheet, **params})
        )

    def read(self) -> None:
        for sheet in (PROGRAMME_SHEET, ACTIVITIES_SHEET):
            if sheet not in self.sheets:
                self.add(rule.MissingSheet, sheet, None, None, None)
        if self.parsed.errors:
            return
        self.read_programme()
        self.read_activities()
        milestones = self.read_milestones()
        contributions = self.read_contributions()
        self.parsed.activities = [
            _with(a, milestones.get(a.code, ()), contributions.get(a.code, ()))
            for a in self.parsed.activities
        ]

    def read_programme(self) -> None:
        values = {}
        for number, row in enumerate(self.sheets[PROGRAMME_SHEET], start=1):
            if row and row[0] is not None:
                values[str(row[0]).strip().lower()] = (number, row[1] if len(row) > 1 else None)
        row, theme = values.get("thema", (1, None))
        theme = _text(theme)
        if theme not in self.register.themes:
            self.add(rule.UnknownTheme, PROGRAMME_SHEET, row, "thema", theme)
        else:
            self.parsed.theme = theme
        row, year = values.get("jaar", (2, None))
        try:
            year = int(Decimal(_text(year)))
            if not 2000 <= year <= 2100:
                raise ValueError(year)
            self.parsed.year = year
        except (InvalidOperation, ValueError):
            self.add(rule.BadYear, PROGRAMME_SHEET, row, "jaar", year)
        self.parsed.title = _text(values.get("titel", (3, ""))[1])

    def table(self, sheet: str, columns) -> Iterator[_Row]:
        rows = self.sheets.get(sheet, [])
        if not rows:
            return
        if len(rows) > MAX_ROWS + 1:
            self.add(rule.TooManyActivities, sheet, None, None, None, limit=MAX_ROWS)
            return
        header = [_text(cell).lower() for cell in rows[0]]
        missing = [c for c in columns if c not in header]
        for column in missing:
            self.add(rule.MissingColumnInSheet, sheet, 1, column, None)
        if missing:
            return
        for number, values in enumerate(rows[1:], start=2):
            cells = dict(zip(header, values, strict=False))
            if any(_text(cells.get(c)) for c in columns):
                yield _Row(self, sheet, number, cells)

    def read_activities(self) -> None:
        seen = self.parsed.rows
        for row in self.table(ACTIVITIES_SHEET, list(ACTIVITY_COLUMNS)):
            code = row.required("code")
            if code and code in seen:
                row.fail(rule.DuplicateCode, "code", code, first_row=seen[code])
            elif code:
                seen[code] = row.number
            values = self.activity(row, code)
            if values is not None and not row.failed:
                self.parsed.activities.append(values)

    def activity(self, row: _Row, code: str) -> ActivityValues | None:
        for column in REQUIRED_COLUMNS:
            row.required(column)
        start, end = row.date("start"), row.date("einde")
        if start and end and end < start:
            row.fail(rule.EndBeforeStart, "einde", end.isoformat(), start=start.isoformat())
        status = (row.text("status") or ActivityStatus.GEPLAND).lower()
        if status not in ActivityStatus.values:
            row.fail(rule.UnknownStatus, "status", status, allowed=", ".join(ActivityStatus.values))
        reason = row.text("reden")
        if status in NEEDS_REASON and not reason:
            row.fail(rule.ReasonRequired, "reden", status)
        goals = tuple(self.goals(row))
        lead = row.text("trekker")
        values = ActivityValues(
            code=code,
            title=row.text("titel"),
            description=row.text("omschrijving"),
            goals=goals,
            indicators=tuple(self.indicators(row)),
            lead_province=self.province(row, "trekker", lead) if lead else "",
            participating_provinces=tuple(
                sorted({self.province(row, "deelnemers", p) for p in row.items("deelnemers")})
            ),
            contact=row.text("contactpersoon"),
            start=start,
            end=end,
            status=status,
            status_reason=reason,
            ipo_budget=row.amount("ipo_budget_euro") or Decimal("0"),
            ipo_budget_realised=row.amount("ipo_budget_gerealiseerd_euro"),
            fte=row.amount("fte") or Decimal("0"),
            fte_realised=row.amount("fte_gerealiseerd"),
            risks=row.text("risicos"),
        )
        return None if row.failed else values

    def goals(self, row: _Row) -> Iterator[str]:
        for number in sorted(set(row.items("doelen"))):
            goal_theme = self.register.goals.get(number)
            if goal_theme is None:
                row.fail(rule.UnknownGoal, "doelen", number)
                continue
            if self.parsed.theme and goal_theme != self.parsed.theme:
                row.warn(
                    rule.GoalOfOtherTheme, "doelen", number,
                    goal_theme=goal_theme, theme=self.parsed.theme,
                )  # fmt: skip
            yield number

    def indicators(self, row: _Row) -> Iterator[str]:
        for code in sorted(set(row.items("indicatoren"))):
            if code not in self.register.indicators:
                row.fail(rule.UnknownIndicator, "indicatoren", code)
            yield code

    def province(self, row: _Row, column: str, value: str) -> str:
        code = self.register.provinces.get(value.strip().lower())
        if code is None:
            row.fail(rule.UnknownProvince, column, value)
            return value
        return code

    def read_milestones(self) -> dict[str, tuple[MilestoneValues, ...]]:
        found: dict[str, list[MilestoneValues]] = {}
        for row in self.table(MILESTONES_SHEET, MILESTONE_COLUMNS):
            code = self.activity_code(row)
            title, date = row.required("titel"), row.date("datum", required=True)
            done = row.text("behaald").lower() in {"ja", "yes", "true", "1", "x", "waar"}
            if code and title and date:
                found.setdefault(code, []).append(MilestoneValues(title, date, done))
        return {code: tuple(sorted(items, key=_milestone_key)) for code, items in found.items()}

    def read_contributions(self) -> dict[str, tuple[ContributionValues, ...]]:
        found: dict[str, dict[str, Decimal]] = {}
        for row in self.table(CONTRIBUTIONS_SHEET, CONTRIBUTION_COLUMNS):
            code = self.activity_code(row)
            province = row.required("provincie")
            province = self.province(row, "provincie", province) if province else ""
            amount = row.amount("bedrag_euro", required=True)
            if code and province and amount is not None and not row.failed:
                by_province = found.setdefault(code, {})
                by_province[province] = by_province.get(province, Decimal("0")) + amount
        return {
            code: tuple(ContributionValues(p, a) for p, a in sorted(amounts.items()))
            for code, amounts in found.items()
        }

    def activity_code(self, row: _Row) -> str:
        code = row.required("activiteit")
        if code and code not in self.parsed.rows:
            row.fail(rule.UnknownActivity, "activiteit", code)
            return ""
        return code


class _Row:
    """One data row of a sheet; its parsers record problems instead of raising."""

    def __init__(self, reader: _Reader, sheet: str, number: int, cells: dict) -> None:
        self.reader, self.sheet, self.number, self.cells = reader, sheet, number, cells
        self.failed = False

    def fail(self, error, column: str, value, **params) -> None:
        self.failed = True
        self.reader.add(error, self.sheet, self.number, column, value, **params)

    def warn(self, error, column: str, value, **params) -> None:
        self.reader.add(error, self.sheet, self.number, column, value, **params)

    def text(self, column: str) -> str:
        return _text(self.cells.get(column))

    def required(self, column: str) -> str:
        value = self.text(column)
        if not value and not self._reported(column):
            self.fail(rule.RequiredValue, column, None)
        return value

    def _reported(self, column: str) -> bool:
        return any(
            f.row == self.number and f.column == column and f.params.get("sheet") == self.sheet
            for f in self.reader.parsed.findings
        )

    def items(self, column: str) -> list[str]:
        return [part.strip() for part in self.text(column).split(LIST_SEPARATOR) if part.strip()]

    def date(self, column: str, *, required: bool = False) -> datetime.date | None:
        value = self.cells.get(column)
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = _text(value)
        if not text:
            if required:
                self.required(column)
            return None
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            pass
        if match := _DUTCH_DATE.match(text):
            day, month, year = (int(part) for part in match.groups())
            try:
                return datetime.date(year, month, day)
            except ValueError:
                pass
        self.fail(rule.BadDate, column, text)
        return None

    def amount(self, column: str, *, required: bool = False) -> Decimal | None:
        value = self.cells.get(column)
        text = _text(value)
        if not text:
            if required:
                self.required(column)
            return None
        number = _decimal(value)
        if number is None or number != number.quantize(_TWO_PLACES):
            self.fail(rule.BadAmount, column, text)
            return None
        if number < 0:
            self.fail(rule.NegativeAmount, column, text)
            return None
        return number.quantize(_TWO_PLACES)


def _decimal(value: Any) -> Decimal | None:
    """A cell as a Decimal: numbers exactly as shown (never via binary float arithmetic),
    text with a decimal comma or a euro sign accepted."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        text = repr(value)  # the shortest text that reads back as the same float
    else:
        text = str(value).replace("€", "").replace("\u00a0", "").replace(" ", "")
        if "," in text and "." in text:
            text = text.replace(".", "").replace(",", ".")
        elif "," in text:
            text = text.replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _shown(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def _milestone_key(milestone: MilestoneValues) -> tuple:
    return (milestone.date, milestone.title)


def _with(activity: ActivityValues, milestones, contributions) -> ActivityValues:
    return replace(activity, milestones=tuple(milestones), contributions=tuple(contributions))
