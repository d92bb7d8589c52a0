"""Load the target catalogue (YAML) into the database: `koers init`, `koers indicators load`.

Every target carries its source (title, address, date): a target without one is refused,
because a target nobody can check is not shipped. A target is known by its indicator, area,
breakdown, goal and target year; loading again updates it in place.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.db import transaction

from koers.indicators.models import Indicator, Target
from koers.programme.models import Goal

STARTER_TARGETS = Path(__file__).with_name("targets.yaml")
SOURCE_REQUIRED = ("title", "url", "date")


class TargetsError(Exception):
    """The target file is not valid; the message names the file, the entry and the field."""

    code = "targets"


@dataclass
class TargetsLoad:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return f"{len(self.created)} targets created, {len(self.updated)} updated"


def is_target_file(path: Path) -> bool:
    """Whether a YAML file is a target catalogue (top-level `targets:`), not an indicator one."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return False
    return isinstance(data, dict) and "targets" in data and "indicators" not in data


def _text(value, language: str) -> str:
    if isinstance(value, dict):
        return value.get(language) or ""
    return (value or "") if language == "nl" else ""


def _date(value, where: str) -> datetime.date:
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise TargetsError(f"{where}: source.date {value!r} is not a date (YYYY-MM-DD)") from None


def _fields(entry: dict, where: str, lookups: dict) -> tuple[dict, dict]:
    """(natural key, other fields) of one entry, or TargetsError naming what is wrong."""
    indicators, areas, goals = lookups["indicators"], lookups["areas"], lookups["goals"]
    for name in ("indicator", "area", "baseline_year", "target_year"):
        if entry.get(name) in (None, ""):
            raise TargetsError(f"{where}: {name} is missing")
    if entry["indicator"] not in indicators:
        raise TargetsError(f"{where}: unknown indicator {entry['indicator']!r}")
    if entry["area"] not in areas:
        raise TargetsError(f"{where}: unknown area {entry['area']!r}")
    goal = entry.get("goal")
    if goal is not None and str(goal) not in goals:
        raise TargetsError(f"{where}: unknown goal {goal!r}")
    source = entry.get("source") or {}
    missing = [name for name in SOURCE_REQUIRED if not source.get(name)]
    if missing:
        raise TargetsError(
            f"{where}: no verifiable source ({', '.join('source.' + m for m in missing)} "
            "missing); a target without a source is not shipped"
        )
    if entry.get("direction", 1) not in (1, -1):
        raise TargetsError(f"{where}: direction must be 1 or -1, not {entry['direction']!r}")
    key = {
        "indicator": indicators[entry["indicator"]],
        "area": areas[entry["area"]],
        "breakdown": entry.get("breakdown") or "_T",
        "goal": goals[str(goal)] if goal is not None else None,
        "target_year": int(entry["target_year"]),
    }
    values = {
        "baseline_year": int(entry["baseline_year"]),
        "target_value": entry.get("target_value"),
        "direction": entry.get("direction", 1),
        "description": _text(entry.get("description"), "nl")[:300],
        "source_title": str(source["title"]),
        "source_url": str(source["url"]),
        "source_date": _date(source["date"], where),
        "source_note": " ".join(str(source.get("note") or "").split()),
    }
    return key, values


def _area_model():
    """The area model through the target's own foreign key (areas is a sibling layer)."""
    return Target._meta.get_field("area").related_model


@transaction.atomic
def load_targets(path: Path = STARTER_TARGETS) -> TargetsLoad:
    """Create or update every target in ``path``; all or nothing."""
    try:
        entries = yaml.safe_load(Path(path).read_text(encoding="utf-8"))["targets"]
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise TargetsError(f"{path}: not a readable target file ({exc})") from None
    lookups = {
        "indicators": {i.code: i for i in Indicator.objects.all()},
        "areas": {a.code: a for a in _area_model().objects.all()},
        "goals": {g.number: g for g in Goal.objects.all()},
    }
    result = TargetsLoad()
    for number, entry in enumerate(entries or [], start=1):
        where = f"{path}: target {number} ({entry.get('indicator')} {entry.get('area')})"
        key, values = _fields(entry, where, lookups)
        label = f"{entry['indicator']} {entry['area']} {key['target_year']}"
        target = Target.objects.filter(**key).first()
        if target is None:
            Target.objects.create(**key, **values)
            result.created.append(label)
            continue
        changed = [name for name, value in values.items() if getattr(target, name) != value]
        if changed:
            for name in changed:
                setattr(target, name, values[name])
            target.save(update_fields=changed)
            result.updated.append(label)
    return result
