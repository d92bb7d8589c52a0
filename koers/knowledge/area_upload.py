"""Areas of the area processes (PPLG and others) as areas of type ``gebied``, with geometry.

A province supplies a GeoJSON FeatureCollection (WGS84 or RD New); each feature becomes,
or updates, a ``gebied`` under that province. A practice may also bring its own polygon.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass

from django.db import transaction
from pyproj import Transformer

from koers.areas.boundaries import RD_NEW, SUPPORTED_CRS, WGS84, detect_crs, reproject
from koers.areas.models import Area, AreaLink, AreaType
from koers.errors import KoersError

GEOMETRY_TYPES = ("Polygon", "MultiPolygon")
CODE_LENGTH = Area._meta.get_field("code").max_length
#: The largest polygon file accepted with a practice (a province's area is far smaller).
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
#: Longitude and latitude around the Netherlands with its sea (west, south, east, north).
NETHERLANDS = (2.0, 50.0, 8.0, 56.0)


class AreaFileError(KoersError):
    code = "area_geojson"
    title = "Onjuist GeoJSON-bestand"


@dataclass(frozen=True)
class Loaded:
    created: list[str]
    updated: list[str]


def _code(name: str, province: Area) -> str:
    """A readable code that fits Area.code (20 characters), the same for the same name:
    the start of the name and a short hash of all of it, so similar names never meet."""
    slug = re.sub(r"[^A-Z0-9]+", "-", name.upper()).strip("-")[:6].strip("-")
    digest = hashlib.sha256(name.strip().encode()).hexdigest()[:5].upper()
    return f"GB-{province.code}-{slug + '-' if slug else ''}{digest}"[:CODE_LENGTH]


def _geometry(feature: dict, where: str, transformer) -> dict:
    geometry = feature.get("geometry") or {}
    if geometry.get("type") not in GEOMETRY_TYPES:
        raise AreaFileError(
            f"{where}: geometrie {geometry.get('type')!r} is geen Polygon of MultiPolygon"
        )
    reprojected = reproject(geometry, transformer)
    _check_wgs84(reprojected, where)
    return reprojected


def _check_shape(feature: object, where: str) -> None:
    """A feature with a Polygon or MultiPolygon of closed rings of [x, y] numbers."""
    geometry = feature.get("geometry") if isinstance(feature, dict) else None
    if not isinstance(geometry, dict):
        raise AreaFileError(f"{where}: geen GeoJSON-feature met een geometrie")
    kind = geometry.get("type")
    if kind not in GEOMETRY_TYPES:
        raise AreaFileError(f"{where}: geometrie {kind!r} is geen Polygon of MultiPolygon")
    coordinates = geometry.get("coordinates")
    polygons = [coordinates] if kind == "Polygon" else coordinates
    bad = AreaFileError(
        f"{where}: de coördinaten zijn geen {kind} (ringen van minstens vier punten [x, y])"
    )
    if not isinstance(polygons, list) or not polygons:
        raise bad
    for polygon in polygons:
        if not isinstance(polygon, list) or not polygon:
            raise bad
        for ring in polygon:
            if not isinstance(ring, list) or len(ring) < 4:
                raise bad
            for point in ring:
                if not (
                    isinstance(point, list)
                    and len(point) >= 2
                    and all(isinstance(v, (int, float)) and math.isfinite(v) for v in point[:2])
                ):
                    raise bad


def _check_wgs84(geometry: dict, where: str) -> None:
    rings = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    for polygon in rings:
        for ring in polygon:
            for x, y in ring:
                if not (
                    NETHERLANDS[0] <= x <= NETHERLANDS[2] and NETHERLANDS[1] <= y <= NETHERLANDS[3]
                ):
                    raise AreaFileError(
                        f"{where}: de coördinaten ({x}, {y}) liggen niet in Nederland "
                        "(WGS84 of RD New)"
                    )


def read_collection(text: str, origin: str) -> tuple[list[dict], Transformer | None]:
    try:
        collection = json.loads(text)
    except ValueError as exc:
        raise AreaFileError(f"{origin}: geen geldige JSON ({exc})") from None
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        raise AreaFileError(f"{origin}: verwacht een GeoJSON FeatureCollection")
    if not isinstance(collection.get("features", []), list):
        raise AreaFileError(f"{origin}: 'features' is geen lijst van gebieden")
    for index, feature in enumerate(collection.get("features") or [], start=1):
        _check_shape(feature, f"{origin}, gebied {index}")
    crs = detect_crs(collection)
    if crs not in SUPPORTED_CRS:
        raise AreaFileError(f"{origin}: coördinatenstelsel {crs} wordt niet ondersteund")
    transformer = Transformer.from_crs(RD_NEW, WGS84, always_xy=True) if crs == RD_NEW else None
    features = collection.get("features") or []
    if not features:
        raise AreaFileError(f"{origin}: het bestand bevat geen gebieden")
    return features, transformer


@transaction.atomic
def load_areas(text: str, *, province: Area, origin: str = "GeoJSON") -> Loaded:
    """Every feature (``name`` and optional ``code`` in its properties) as a gebied."""
    features, transformer = read_collection(text, origin)
    created, updated = [], []
    for index, feature in enumerate(features, start=1):
        where = f"{origin}, gebied {index}"
        properties = feature.get("properties") or {}
        name = str(properties.get("name") or properties.get("naam") or "").strip()
        if not name:
            raise AreaFileError(f"{where}: de eigenschap 'naam' (of 'name') ontbreekt")
        code = str(properties.get("code") or _code(name, province))
        if len(code) > CODE_LENGTH:
            raise AreaFileError(f"{where}: code {code!r} is langer dan {CODE_LENGTH} tekens")
        geometry = _geometry(feature, where, transformer)
        area, made = Area.objects.update_or_create(
            code=code, defaults={"name": name, "type": AreaType.GEBIED, "geometry": geometry}
        )
        if area.type != AreaType.GEBIED:
            raise AreaFileError(f"{where}: code {code} is al een {area.get_type_display()}")
        AreaLink.objects.get_or_create(child=area, parent=province, hierarchy="gebiedsproces")
        (created if made else updated).append(code)
    return Loaded(created, updated)


@transaction.atomic
def area_from_upload(text: str, *, name: str, province: Area, origin: str) -> Area:
    """One polygon uploaded with a practice, as a new or updated gebied called ``name``."""
    features, transformer = read_collection(text, origin)
    if len(features) != 1:
        raise AreaFileError(f"{origin}: verwacht één gebied, het bestand bevat er {len(features)}")
    geometry = _geometry(features[0], f"{origin}, gebied 1", transformer)
    # a new area each time: an upload never redraws an area a province (or another
    # practice) already has under that name
    code, n = _code(name, province), 1
    while Area.objects.filter(code=code).exists():
        n += 1
        code = _code(f"{name}#{n}", province)
    area = Area.objects.create(code=code, name=name, type=AreaType.GEBIED, geometry=geometry)
    AreaLink.objects.get_or_create(child=area, parent=province, hierarchy="gebiedsproces")
    return area
