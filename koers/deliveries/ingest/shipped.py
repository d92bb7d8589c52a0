"""The mapping files shipped with Koers (koers/deliveries/mappings/*.yaml)."""

from __future__ import annotations

from fnmatch import fnmatch
from functools import lru_cache
from pathlib import Path

from koers.deliveries.ingest.mapping import Mapping
from koers.deliveries.ingest.mapping_loader import load_mapping

MAPPINGS_DIR = Path(__file__).resolve().parent.parent / "mappings"


@lru_cache(maxsize=1)
def shipped_mappings() -> dict[str, Mapping]:
    """Every shipped mapping by name; raises MappingError if one of them is broken."""
    mappings = [load_mapping(path) for path in sorted(MAPPINGS_DIR.glob("*.yaml"))]
    return {mapping.name: mapping for mapping in mappings}


def find_shipped_mapping(path: Path | str) -> Mapping | None:
    """The shipped mapping whose `files` patterns match this file name (case-insensitive)."""
    name = Path(path).name.lower()
    for mapping in shipped_mappings().values():
        if any(fnmatch(name, pattern.lower()) for pattern in mapping.file_patterns):
            return mapping
    return None
