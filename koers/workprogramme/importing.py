"""Excel in and out: check a workbook against the register, show what a (re-)import would
change, and only then store it, all or nothing. Export writes the same layout back."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import structlog
from django.db import transaction

from koers.areas.queries import dutch_provinces
from koers.indicators.models import Indicator
from koers.programme.models import Goal, Theme
from koers.workprogramme import queries
from koers.workprogramme.excel.layout import (
    FIELD_COLUMNS,
    ActivityValues,
    ContributionValues,
    MilestoneValues,
    cell_text,
)
from koers.workprogramme.excel.reader import ParsedProgramme, Register, read_workbook
from koers.workprogramme.excel.writer import write_workbook
from koers.workprogramme.models import Activity, Milestone, ProvincialContribution, WorkProgramme

log = structlog.get_logger("koers.workprogramme")


class WorkbookRejected(Exception):
    """The workbook cannot be stored: it has errors, or the programme changed since the preview."""

    code = "werkprogramma_import"


class StalePreview(WorkbookRejected):
    code = "werkprogramma_stale_preview"


def current_register() -> Register:
    """The goals, indicators and provinces a workbook is checked against."""
    provinces: dict[str, str] = {}
    for area in dutch_provinces():
        for key in (area.code, area.name, area.name_en):
            if key:
                provinces[key.lower()] = area.code
    return Register(
        goals=dict(Goal.objects.values_list("number", "theme__number")),
        indicators=frozenset(Indicator.objects.values_list("code", flat=True)),
        provinces=provinces,
        themes=frozenset(Theme.objects.values_list("number", flat=True)),
    )


def read(path: Path, *, name: str | None = None) -> ParsedProgramme:
    """Parse and check a workbook against the current register."""
    return read_workbook(path, register=current_register(), name=name)


def values_of(row: queries.ActivityRow) -> ActivityValues:
    """An activity as stored, in the shape a workbook row has (to compare and to export)."""
    return ActivityValues(
        code=row.code,
        title=row.title,
        description=row.description,
        goals=tuple(row.goals),
        indicators=tuple(row.indicators),
        lead_province=row.lead_province,
        participating_provinces=tuple(row.participating_provinces),
        contact=row.contact,
        start=row.start,
        end=row.end,
        status=row.status,
        status_reason=row.status_reason,
        ipo_budget=row.ipo_budget,
        ipo_budget_realised=row.ipo_budget_realised,
        fte=row.fte,
        fte_realised=row.fte_realised,
        risks=row.risks,
        milestones=tuple(
            sorted(
                (MilestoneValues(m.title, m.date, m.done) for m in row.milestones),
                key=lambda m: (m.date, m.title),
            )
        ),
        contributions=tuple(
            ContributionValues(code, amount) for code, amount in sorted(row.contributions.items())
        ),
    )


@dataclass(frozen=True)
class FieldChange:
    column: str
    old: str
    new: str


@dataclass(frozen=True)
class ActivityChange:
    """One activity the import adds (nieuw), changes (gewijzigd) or removes (verwijderd)."""

    kind: str
    code: str
    title: str
    row: int | None = None
    fields: list[FieldChange] = field(default_factory=list)


@dataclass(frozen=True)
class ImportPlan:
    """What storing the workbook would change; ``fingerprint`` ties a confirmation to it."""

    theme: str
    year: int
    new_programme: bool
    title_change: FieldChange | None
    changes: list[ActivityChange]
    unchanged: int

    @property
    def has_changes(self) -> bool:
        return bool(self.new_programme or self.title_change or self.changes)

    @property
    def fingerprint(self) -> str:
        text = json.dumps(
            [self.theme, self.year, self.new_programme, repr(self.title_change)]
            + [repr(change) for change in self.changes],
            default=str,
        )
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    def counts(self) -> dict[str, int]:
        kinds = [change.kind for change in self.changes]
        return {kind: kinds.count(kind) for kind in ("nieuw", "gewijzigd", "verwijderd")}


def plan(parsed: ParsedProgramme) -> ImportPlan:
    """Compare a checked workbook with the stored work programme of its theme and year."""
    if not parsed.ok:
        raise WorkbookRejected("het bestand heeft fouten; er is niets opgeslagen")
    stored = queries.work_programme(parsed.theme, parsed.year)
    before = {
        row.code: values_of(row)
        for row in (queries.activities_for_theme(parsed.theme, parsed.year) if stored else [])
    }
    changes: list[ActivityChange] = []
    for values in parsed.activities:
        old = before.pop(values.code, None)
        row = parsed.rows.get(values.code)
        if old is None:
            changes.append(ActivityChange("nieuw", values.code, values.title, row))
        elif differing := old.differences(values):
            fields = [
                FieldChange(
                    FIELD_COLUMNS[name],
                    cell_text(getattr(old, name)),
                    cell_text(getattr(values, name)),
                )
                for name in differing
            ]
            changes.append(ActivityChange("gewijzigd", values.code, values.title, row, fields))
    for code, old in before.items():
        changes.append(ActivityChange("verwijderd", code, old.title))
    title_change = None
    if stored and stored.title != parsed.title:
        title_change = FieldChange("titel", stored.title, parsed.title)
    return ImportPlan(
        theme=parsed.theme,
        year=parsed.year,
        new_programme=stored is None,
        title_change=title_change,
        changes=changes,
        unchanged=len(parsed.activities) - sum(c.kind != "verwijderd" for c in changes),
    )


def store(
    parsed: ParsedProgramme, *, expected: str | None = None, example: bool = False
) -> ImportPlan:
    """Store the workbook, all or nothing; with ``expected`` (the fingerprint of the plan a
    person confirmed), refuse when the stored programme changed since that preview.
    ``example`` marks everything stored as voorbeeldgegevens (`koers voorbeeld laden`)."""
    with transaction.atomic():
        theme = Theme.objects.select_for_update().get(number=parsed.theme)
        current = plan(parsed)
        if expected is not None and current.fingerprint != expected:
            raise StalePreview(
                "het werkprogramma is gewijzigd sinds de voorvertoning; lees het bestand opnieuw in"
            )
        programme, _ = WorkProgramme.objects.get_or_create(theme=theme, year=parsed.year)
        if programme.title != parsed.title or programme.is_example != example:
            programme.title, programme.is_example = parsed.title, example
            programme.save()
        changed = {c.code for c in current.changes if c.kind in ("nieuw", "gewijzigd")}
        removed = [c.code for c in current.changes if c.kind == "verwijderd"]
        for activity in programme.activities.filter(code__in=removed):
            activity.delete()  # one by one, so each removal is in the audit log
        for values in parsed.activities:
            if values.code in changed:
                _save_activity(programme, values, example=example)
        for activity in programme.activities.exclude(is_example=example):
            activity.is_example = example  # a re-imported example becomes real, and back
            activity.save(update_fields=["is_example"])
    log.info(
        "werkprogramma_stored",
        file=parsed.file, theme=current.theme, year=current.year, example=example,
        **current.counts(),
    )  # fmt: skip
    return current


def _save_activity(programme: WorkProgramme, values: ActivityValues, *, example: bool) -> None:
    provinces = {a.code: a for a in dutch_provinces()}
    activity = Activity.objects.filter(work_programme=programme, code=values.code).first()
    activity = activity or Activity(work_programme=programme, code=values.code)
    for name in (
        "title", "description", "contact", "start", "end", "status", "status_reason",
        "ipo_budget", "ipo_budget_realised", "fte", "fte_realised", "risks",
    ):  # fmt: skip
        setattr(activity, name, getattr(values, name))
    activity.lead_province = provinces[values.lead_province]
    activity.is_example = example
    activity.save()
    activity.goals.set(Goal.objects.filter(number__in=values.goals))
    activity.indicators.set(Indicator.objects.filter(code__in=values.indicators))
    activity.participating_provinces.set(
        [provinces[code] for code in values.participating_provinces]
    )
    milestones = tuple(
        MilestoneValues(m.title, m.date, m.done)
        for m in activity.milestones.order_by("date", "title")
    )
    contributions = tuple(
        ContributionValues(c.province.code, c.amount)
        for c in activity.contributions.select_related("province").order_by("province__code")
    )
    if milestones != values.milestones:
        activity.milestones.all().delete()
        for milestone in values.milestones:
            Milestone.objects.create(
                activity=activity, title=milestone.title, date=milestone.date, done=milestone.done
            )
    if contributions != values.contributions:
        activity.contributions.all().delete()
        for contribution in values.contributions:
            ProvincialContribution.objects.create(
                activity=activity,
                province=provinces[contribution.province],
                amount=contribution.amount,
            )


def export(target: Path, *, theme: str, year: int) -> int:
    """Write the work programme of ``theme`` in ``year`` (or an empty template) to ``target``."""
    if not Theme.objects.filter(number=theme).exists():
        raise WorkbookRejected(f"thema {theme!r} bestaat niet")
    stored = queries.work_programme(theme, year)
    rows = queries.activities_for_theme(theme, year) if stored else []
    return write_workbook(
        target,
        theme=theme,
        year=year,
        title=stored.title if stored else "",
        activities=[values_of(row) for row in rows],
    )
