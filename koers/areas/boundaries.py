"""Import area boundaries from GeoJSON, in RD New (EPSG:28992) or WGS84, stored as WGS84."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from pyproj import Transformer

from koers.areas.models import Area

WGS84 = "EPSG:4326"
RD_NEW = "EPSG:28992"
SUPPORTED_CRS = (WGS84, RD_NEW)
# RD New covers x 0–300 km, y 300–625 km; degrees never exceed 360.
_DEGREE_LIMIT = 360.0
CODE_PROPERTIES = ("statcode", "code", "cbs_code")


class BoundaryError(Exception):
    """The boundary file cannot be imported; the message names the file and feature."""

    code = "boundaries"


@dataclass(frozen=True)
class BoundaryImport:
    crs: str
    updated: list[str]


def _coordinates(geometry: dict) -> Iterator[list[float]]:
    def walk(node):
        if node and isinstance(node[0], (int, float)):
            yield node
        else:
            for child in node:
                yield from walk(child)

    yield from walk(geometry["coordinates"])


def detect_crs(collection: dict) -> str:
    """The CRS named in the file, or RD New when coordinates are metres, else WGS84."""
    named = ((collection.get("crs") or {}).get("properties") or {}).get("name", "")
    if "28992" in named:
        return RD_NEW
    if named and ("4326" in named or "CRS84" in named):
        return WGS84
    for feature in collection.get("features", []):
        for point in _coordinates(feature["geometry"]):
            return (
                RD_NEW if abs(point[0]) > _DEGREE_LIMIT or abs(point[1]) > _DEGREE_LIMIT else WGS84
            )
    return WGS84


def reproject(geometry: dict, transformer: Transformer | None) -> dict:
    def convert(node):
        if node and isinstance(node[0], (int, float)):
            x, y = transformer.transform(node[0], node[1]) if transformer else node[:2]
            return [round(x, 6), round(y, 6)]
        return [convert(child) for child in node]

    return {"type": geometry["type"], "coordinates": convert(geometry["coordinates"])}


def _feature_code(feature: dict, index: int, path: Path) -> str:
    properties = feature.get("properties") or {}
    for key in CODE_PROPERTIES:
        if properties.get(key):
            return str(properties[key]).strip()
    raise BoundaryError(f"{path}: feature {index} has none of the properties {CODE_PROPERTIES}")


@transaction.atomic
def import_boundaries(path: Path, *, crs: str | None = None) -> BoundaryImport:
    """Store the geometry of every feature on the area with the same code; all or nothing."""
    try:
        collection = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BoundaryError(f"{path}: not a readable GeoJSON file ({exc})") from None
    if collection.get("type") != "FeatureCollection":
        raise BoundaryError(f"{path}: expected a GeoJSON FeatureCollection")
    source_crs = crs or detect_crs(collection)
    if source_crs not in SUPPORTED_CRS:
        raise BoundaryError(f"{path}: unsupported CRS {source_crs}; use one of {SUPPORTED_CRS}")
    transformer = (
        Transformer.from_crs(RD_NEW, WGS84, always_xy=True) if source_crs == RD_NEW else None
    )
    updated = []
    for index, feature in enumerate(collection.get("features", []), start=1):
        code = _feature_code(feature, index, path)
        area = Area.objects.filter(code=code).first()
        if area is None:
            raise BoundaryError(f"{path}: feature {index} has unknown area code {code!r}")
        area.geometry = reproject(feature["geometry"], transformer)
        area.save(update_fields=["geometry"])
        updated.append(code)
    return BoundaryImport(crs=source_crs, updated=updated)
