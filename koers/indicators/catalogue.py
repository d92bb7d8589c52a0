"""Load an indicator catalogue (YAML) into the database: `koers indicators load FILE`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.db import transaction

from koers.indicators.models import AreaRule, Indicator, Periodicity, TimeRule
from koers.programme.models import Goal

STARTER_CATALOGUE = Path(__file__).with_name("catalogue.yaml")
LINKS = ("numerator", "denominator", "weight")


class CatalogueError(Exception):
    """The catalogue file is not valid; the message names the file and indicator."""

    code = "catalogue"


@dataclass
class CatalogueLoad:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return f"{len(self.created)} indicators created, {len(self.updated)} updated"


def _text(entry: dict, key: str) -> str:
    value = entry.get(key)
    if isinstance(value, dict):  # {nl: ..., en: ...}
        return value.get("nl", "")
    return value or ""


def _english(entry: dict, key: str) -> str:
    value = entry.get(key)
    if isinstance(value, dict):
        return value.get("en", "")
    return entry.get(f"{key}_en") or ""


def _fields(entry: dict) -> dict:
    source = entry.get("source") or {}
    return {
        "name": _text(entry, "name"),
        "name_en": _english(entry, "name"),
        "description": _text(entry, "description"),
        "description_en": _english(entry, "description"),
        "unit": entry.get("unit") or "",
        "unit_multiplier": entry.get("unit_multiplier", 0),
        "decimals": entry.get("decimals", 0),
        "value_type": entry.get("value_type", "decimal"),
        "periodicity": entry.get("periodicity", "year"),
        "area_rule": entry.get("area_rule", "sum"),
        "time_rule": entry.get("time_rule", "sum"),
        "scale": entry.get("scale", 1),
        "formula": entry.get("formula") or "",
        "formula_stage": entry.get("formula_stage", "after"),
        "zero_significant": entry.get("zero_significant", True),
        "min_value": entry.get("min"),
        "max_value": entry.get("max"),
        "tolerance_abs": entry.get("tolerance_abs"),
        "tolerance_rel": entry.get("tolerance_rel"),
        "breakdowns": entry.get("breakdowns") or {},
        "source_producer": source.get("producer") or "",
        "source_table": str(source.get("table") or ""),
        "source_column": source.get("column") or "",
        "method": source.get("method") or "",
        "owner": entry.get("owner") or "",
        "status": "peer" if entry.get("peer") else entry.get("status", "active"),
    }


def _check_choices(path: Path, code: str, values: dict) -> None:
    """A periodicity or rule the models do not know is refused, naming it and the choices."""
    for key, choices in (
        ("periodicity", Periodicity),
        ("area_rule", AreaRule),
        ("time_rule", TimeRule),
    ):
        if values[key] not in choices.values:
            allowed = ", ".join(choices.values)
            raise CatalogueError(
                f"{path}: indicator {code}: {key} {values[key]!r} is not one of {allowed}"
            )


@transaction.atomic
def load_catalogue(path: Path = STARTER_CATALOGUE) -> CatalogueLoad:
    """Create or update every indicator in ``path``; all or nothing."""
    try:
        entries = yaml.safe_load(Path(path).read_text(encoding="utf-8"))["indicators"]
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise CatalogueError(f"{path}: not a readable catalogue ({exc})") from None
    result = CatalogueLoad()
    goals = {goal.number: goal for goal in Goal.objects.all()}
    for entry in entries:
        code = entry.get("code")
        if not code:
            raise CatalogueError(f"{path}: an indicator has no code")
        values = _fields(entry)
        _check_choices(path, code, values)
        indicator, created = Indicator.objects.get_or_create(code=code, defaults=values)
        changed = {k: v for k, v in values.items() if getattr(indicator, k) != v}
        if changed and not created:
            for key, value in changed.items():
                setattr(indicator, key, value)
            indicator.save(update_fields=list(changed))
            result.updated.append(code)
        elif created:
            result.created.append(code)
        unknown = [n for n in entry.get("goals", []) if str(n) not in goals]
        if unknown:
            raise CatalogueError(f"{path}: indicator {code} links unknown goals {unknown}")
        wanted = {goals[str(n)].pk for n in entry.get("goals", [])}
        if set(indicator.goals.values_list("pk", flat=True)) != wanted:
            indicator.goals.set(wanted)
            if code not in result.created + result.updated:
                result.updated.append(code)
    by_code = {i.code: i for i in Indicator.objects.all()}
    for entry in entries:
        indicator = by_code[entry["code"]]
        for link in LINKS:
            target = entry.get(link)
            if target and target not in by_code:
                raise CatalogueError(f"{path}: {entry['code']}.{link} names unknown {target!r}")
            wanted = by_code[target] if target else None
            if getattr(indicator, link) != wanted:
                setattr(indicator, link, wanted)
                indicator.save(update_fields=[link])
    return result
