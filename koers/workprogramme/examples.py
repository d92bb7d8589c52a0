"""Example content (voorbeeldgegevens): two clearly marked example work programmes, built from
the goals of the Bestuursprogramma, so a newcomer sees a working programme. Loaded through the
same workbook check as a real import; a real programme of the same theme and year is never
touched."""

from __future__ import annotations

import datetime
import tempfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import yaml
from django.db import transaction
from django.utils import timezone

from koers.workprogramme import importing
from koers.workprogramme.excel.layout import ActivityValues, ContributionValues, MilestoneValues
from koers.workprogramme.excel.writer import write_workbook
from koers.workprogramme.models import Activity, WorkProgramme

EXAMPLES = Path(__file__).with_name("voorbeeld.yaml")


class ExampleError(Exception):
    code = "voorbeeld"


@dataclass(frozen=True)
class Loaded:
    theme: str
    year: int
    activities: int
    skipped: bool  # a real work programme exists for this theme and year


def _shift(value: datetime.date, years: int) -> datetime.date:
    return value.replace(year=value.year + years)


def _activities(items: list[dict], shift: int) -> list[ActivityValues]:
    return [
        ActivityValues(
            code=item["code"],
            title=item["title"],
            description=item.get("description", ""),
            goals=tuple(item["goals"]),
            indicators=tuple(item.get("indicators", ())),
            lead_province=item["lead"],
            participating_provinces=tuple(item.get("participants", ())),
            contact=item.get("contact", ""),
            start=_shift(item["start"], shift),
            end=_shift(item["end"], shift),
            status=item.get("status", "gepland"),
            status_reason=item.get("status_reason", ""),
            ipo_budget=Decimal(item.get("ipo_budget", "0")),
            ipo_budget_realised=(
                Decimal(item["ipo_budget_realised"]) if "ipo_budget_realised" in item else None
            ),
            fte=Decimal(item.get("fte", "0")),
            fte_realised=Decimal(item["fte_realised"]) if "fte_realised" in item else None,
            risks=item.get("risks", ""),
            milestones=tuple(
                MilestoneValues(m["title"], _shift(m["date"], shift), m.get("done", False))
                for m in item.get("milestones", ())
            ),
            contributions=tuple(
                ContributionValues(code, Decimal(amount))
                for code, amount in sorted(item.get("contributions", {}).items())
            ),
        )
        for item in items
    ]


def load_examples(*, year: int | None = None) -> list[Loaded]:
    """Load (or refresh) the example work programmes for ``year`` (default: this year)."""
    data = yaml.safe_load(EXAMPLES.read_text(encoding="utf-8"))
    year = year or timezone.localdate().year
    shift = year - int(data["year"])
    loaded = []
    with transaction.atomic(), tempfile.TemporaryDirectory() as folder:
        for programme in data["programmes"]:
            theme = programme["theme"]
            existing = WorkProgramme.objects.filter(theme__number=theme, year=year).first()
            if existing is not None and not existing.is_example:
                loaded.append(Loaded(theme, year, 0, skipped=True))
                continue
            path = Path(folder) / f"voorbeeld-{theme}.xlsx"
            activities = _activities(programme["activities"], shift)
            write_workbook(
                path, theme=theme, year=year, title=programme["title"], activities=activities
            )
            parsed = importing.read(path)
            if not parsed.ok:  # the register lacks goals or provinces: say which
                raise ExampleError("; ".join(error.message_en for error in parsed.errors))
            importing.store(parsed, example=True)
            loaded.append(Loaded(theme, year, len(activities), skipped=False))
    return loaded


def remove_examples() -> int:
    """Remove every example record; returns the number of activities removed."""
    with transaction.atomic():
        removed = 0
        for activity in Activity.objects.filter(is_example=True):
            activity.delete()  # one by one, so each removal is in the audit log
            removed += 1
        for programme in WorkProgramme.objects.filter(is_example=True, activities__isnull=True):
            programme.delete()
    return removed


def has_examples() -> bool:
    return Activity.objects.filter(is_example=True).exists()
