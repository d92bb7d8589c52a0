"""Load areas from YAML: the built-in ones (NL01, the provinces, PV99) or a peer's."""

from __future__ import annotations

from pathlib import Path

from django.db import transaction

from koers.areas.area_file import AreaEntry, read_area_file
from koers.areas.models import Area, AreaLink

BUILTIN_FILE = Path(__file__).with_name("builtin.yaml")
CANADA_FILE = Path(__file__).parent / "peers" / "canada.yaml"
TOOI_PROVINCE = "https://identifier.overheid.nl/tooi/id/provincie/{code}"


def load_builtin_areas() -> int:
    """Create or update the built-in areas; returns how many rows changed."""
    return load_area_file(BUILTIN_FILE)


@transaction.atomic
def load_area_file(path: Path) -> int:
    """Create or update the areas and links in ``path``; returns how many rows changed.

    The whole file is checked first (``read_area_file``): a file with a problem changes
    nothing.
    """
    entries = read_area_file(path, known_codes=set(Area.objects.values_list("code", flat=True)))
    changed = 0
    for entry in entries:
        values = {
            "name": entry.name,
            "name_en": entry.values.get("name_en", entry.name),
            "type": entry.type,
            "cbs_code": entry.values.get("cbs", entry.code),
            "nuts2": entry.values.get("nuts2", ""),
            "tooi": entry.values.get("tooi")
            or (TOOI_PROVINCE.format(code=entry.code.lower()) if entry.type == "provincie" else ""),
            "valid_from": entry.valid_from,
            "valid_to": entry.valid_to,
        }
        area, created = Area.objects.get_or_create(code=entry.code, defaults=values)
        if created:
            changed += 1
        elif any(getattr(area, key) != value for key, value in values.items()):
            for key, value in values.items():
                setattr(area, key, value)
            area.save()
            changed += 1
    for entry in entries:
        changed += _link(entry)
    return changed


def _link(entry: AreaEntry) -> int:
    """Store the parent links of one entry; a link is known by its start date."""
    changed = 0
    child = Area.objects.get(code=entry.code)
    for link in entry.parents:
        stored, created = AreaLink.objects.get_or_create(
            child=child,
            parent=Area.objects.get(code=link.parent),
            hierarchy=link.hierarchy,
            valid_from=link.valid_from,
            defaults={"valid_to": link.valid_to},
        )
        if created:
            changed += 1
        elif stored.valid_to != link.valid_to:
            stored.valid_to = link.valid_to
            stored.save(update_fields=["valid_to"])
            changed += 1
    return changed
