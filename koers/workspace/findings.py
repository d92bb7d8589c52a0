"""A delivery's validation report as a steward reads it: grouped by rule, counted, and each
error shown in the row of the original file it came from."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from koers.deliveries.files import stored_path
from koers.deliveries.ingest import ERROR_TYPES
from koers.deliveries.models import Delivery
from koers.workspace.source_rows import SourceRows, format_options, read_source_rows

#: Findings per rule shown with their row from the file; the rest are listed in a table.
ERRORS_WITH_CONTEXT = 10
WARNINGS_WITH_CONTEXT = 3

RULE_TITLES = {
    "unreadable_file": _("Bestand niet leesbaar"),
    "missing_column": _("Kolom uit de mapping ontbreekt"),
    "short_row": _("Rij te kort"),
    "extra_fields": _("Rij heeft te veel velden"),
    "required_value_missing": _("Verplichte waarde ontbreekt"),
    "wrong_type": _("Geen getal"),
    "decimal_comma": _("Decimale komma"),
    "unknown_area": _("Onbekend gebied"),
    "area_out_of_scope": _("Gebied buiten de provincie"),
    "unknown_period_code": _("Onbekende periodecode"),
    "wrong_periodicity": _("Verkeerde periodiciteit"),
    "unknown_breakdown_code": _("Onbekende uitsplitsingscode"),
    "unknown_indicator": _("Onbekende indicator"),
    "unknown_value_kind": _("Onbekend waardetype"),
    "unknown_status": _("Onbekende status"),
    "out_of_range": _("Waarde buiten bereik"),
    "duplicate_key": _("Dubbele waarneming"),
    "parts_exceed_total": _("Delen groter dan het totaal"),
    "outlier": _("Uitschieter ten opzichte van eerdere jaren"),
    "large_jump": _("Grote sprong ten opzichte van de vorige periode"),
    "nul_character": _("Onzichtbaar NUL-teken in een cel"),
    "file_too_large": _("Bestand te groot"),
    "too_many_columns": _("Te veel kolommen"),
    "too_many_cells": _("Te veel cellen"),
    "cell_too_long": _("Cel te lang"),
    "workbook_expands_too_much": _("Werkmap pakt te groot uit"),
    "json_too_deep": _("JSON te diep genest"),
    "period_not_ended": _("Periode nog niet voorbij"),
    "overlapping_breakdown": _("Overlappende uitsplitsing: delen niet opgeteld"),
    "import_interrupted": _("Verwerking onderbroken"),
    "import_failed": _("Verwerking mislukt"),
}


@dataclass
class Cell:
    column: str
    text: str | None  # None: the row has no field here (a truncated row)
    bad: bool


@dataclass
class Finding:
    row: int | None
    column: str | None
    value: str | None
    message: str
    cells: list[Cell] | None = None  # the row of the original file, when it could be read


@dataclass
class RuleGroup:
    rule: str
    title: str
    count: int
    with_context: int
    findings: list[Finding] = field(default_factory=list)

    @property
    def in_context(self) -> list[Finding]:
        return self.findings[: self.with_context]

    @property
    def listed(self) -> list[Finding]:
        return self.findings[self.with_context :]


def rule_title(rule: str) -> str:
    known = ERROR_TYPES.get(rule)
    return str(RULE_TITLES.get(rule) or (known.title if known else rule))


def _cells(source: SourceRows, row: int, column: str | None) -> list[Cell] | None:
    record = source.header if row == 1 else source.rows.get(row)
    if record is None or not source.header:
        return None
    padded = list(record) + [None] * (len(source.header) - len(record))
    return [
        Cell(name, text, name == column) for name, text in zip(source.header, padded, strict=False)
    ]


def _message(item: dict) -> str:
    """The message in the page's language; reports stored before `message_en` are Dutch."""
    if get_language() == "en" and item.get("message_en"):
        return item["message_en"]
    return item["message"]


def group_findings(
    items: list[dict],
    source: SourceRows | None = None,
    *,
    with_context: int = ERRORS_WITH_CONTEXT,
) -> list[RuleGroup]:
    """Report items ({file,row,column,rule,value,message}) grouped by rule, most frequent first."""
    groups: dict[str, RuleGroup] = {}
    for item in items:
        rule = item.get("rule") or "validation_error"
        group = groups.setdefault(rule, RuleGroup(rule, rule_title(rule), 0, with_context))
        group.count += 1
        finding = Finding(item.get("row"), item.get("column"), item.get("value"), _message(item))
        if source is not None and finding.row and len(group.findings) < with_context:
            finding.cells = _cells(source, finding.row, finding.column)
        group.findings.append(finding)
    return sorted(groups.values(), key=lambda g: (-g.count, g.rule))


def report_for(delivery: Delivery) -> dict[str, list[RuleGroup]]:
    """Errors and warnings of ``delivery`` grouped by rule, with rows from the kept file."""
    report = delivery.report or {}
    errors, warnings = report.get("errors", []), report.get("warnings", [])
    wanted: set[int] = set()
    for items, limit in ((errors, ERRORS_WITH_CONTEXT), (warnings, WARNINGS_WITH_CONTEXT)):
        for rule in {item.get("rule") for item in items}:
            rows = [i.get("row") for i in items if i.get("rule") == rule and i.get("row")]
            wanted.update(rows[:limit])
    source = None
    if wanted:
        path = stored_path(delivery.file.sha256)
        options = format_options(delivery.mapping_text)
        source = read_source_rows(path, wanted, options=options) if path.exists() else None
    return {
        "errors": _exact(group_findings(errors, source), report.get("error_counts")),
        "warnings": _exact(
            group_findings(warnings, source, with_context=WARNINGS_WITH_CONTEXT),
            report.get("warning_counts"),
        ),
    }


def _exact(groups: list[RuleGroup], counts: dict[str, int] | None) -> list[RuleGroup]:
    """The report keeps the first findings of a rule; its counts per rule are exact."""
    for group in groups:
        group.count = max(group.count, (counts or {}).get(group.rule, 0))
    return sorted(groups, key=lambda g: (-g.count, g.rule))
