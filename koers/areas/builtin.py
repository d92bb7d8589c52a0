"""Load areas from YAML: the built-in ones (NL01, the provinces, PV99) or a peer's."""

from __future__ import annotations

from pathlib import Path

import yaml
from django.db import transaction

from koers.areas.models import Area, AreaLink

BUILTIN_FILE = Path(__file__).with_name("builtin.yaml")
CANADA_FILE = Path(__file__).parent / "peers" / "canada.yaml"
TOOI_PROVINCE = "https://identifier.overheid.nl/tooi/id/provincie/{code}"


def load_builtin_areas() -> int:
    """Create or update the built-in areas; returns how many rows changed."""
    return load_area_file(BUILTIN_FILE)


@transaction.atomic
def load_area_file(path: Path) -> int:
    """Create or update the areas and links in ``path``; returns how many rows changed."""
    spec = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    changed = 0
    for entry in spec["areas"]:
        values = {
            "name": entry["name"],
            "name_en": entry.get("name_en", entry["name"]),
            "type": entry["type"],
            "cbs_code": entry.get("cbs", entry["code"]),
            "nuts2": entry.get("nuts2", ""),
            "tooi": entry.get("tooi")
            or (
                TOOI_PROVINCE.format(code=entry["code"].lower())
                if entry["type"] == "provincie"
                else ""
            ),
        }
        area, created = Area.objects.get_or_create(code=entry["code"], defaults=values)
        if created:
            changed += 1
        elif any(getattr(area, key) != value for key, value in values.items()):
            for key, value in values.items():
                setattr(area, key, value)
            area.save()
            changed += 1
        if "parent" in entry:
            _, link_created = AreaLink.objects.get_or_create(
                child=area,
                parent=Area.objects.get(code=entry["parent"]),
                hierarchy=spec["hierarchy"],
                valid_from=None,
            )
            changed += link_created
    return changed
