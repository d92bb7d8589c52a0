"""Load the compact programme definition (``programme.yaml``) into the register."""

from __future__ import annotations

from pathlib import Path

import yaml
from django.db import transaction

from koers.programme.models import CollaborationFunction, Goal, Principle, Programme, Theme

DEFINITION_FILE = Path(__file__).with_name("programme.yaml")


def _upsert(model, lookup: dict, values: dict) -> tuple[object, int]:
    """Create or update one row; returns the row and 1 when something changed."""
    obj, created = model.objects.get_or_create(**lookup, defaults=values)
    if created:
        return obj, 1
    stale = {key: value for key, value in values.items() if getattr(obj, key) != value}
    if stale:
        for key, value in stale.items():
            setattr(obj, key, value)
        obj.save(update_fields=list(stale))
    return obj, int(bool(stale))


@transaction.atomic
def load_programme_definition(path: Path = DEFINITION_FILE) -> int:
    """Create or update programme, themes, goals, principles and functions; returns changes."""
    spec = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    head = spec["programme"]
    programme, changed = _upsert(
        Programme,
        {"code": head["code"]},
        {key: head[key] for key in ("name", "name_en", "period_start", "period_end")},
    )
    for slug, theme_spec in spec["themes"].items():
        theme, n = _upsert(
            Theme,
            {"programme": programme, "number": theme_spec["number"]},
            {
                "slug": slug,
                "name": theme_spec["name"],
                "name_en": theme_spec["name_en"],
                "bac": theme_spec.get("bac", ""),
            },
        )
        changed += n
        for position, (number, goal_spec) in enumerate(theme_spec["goals"].items(), start=1):
            _, n = _upsert(
                Goal,
                {"theme": theme, "number": number},
                {
                    "position": position,
                    "title": goal_spec["title"],
                    "title_en": goal_spec["title_en"],
                },
            )
            changed += n
    for principle_spec in spec["principles"].values():
        _, n = _upsert(
            Principle,
            {"programme": programme, "number": principle_spec["number"]},
            {"title": principle_spec["title"], "title_en": principle_spec["title_en"]},
        )
        changed += n
    for code, function_spec in spec["functions"].items():
        _, n = _upsert(
            CollaborationFunction,
            {"programme": programme, "code": code},
            {
                key: function_spec[key]
                for key in ("position", "name", "name_en", "summary", "summary_en")
            },
        )
        changed += n
    return changed
