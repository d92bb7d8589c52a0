"""Areas of the area processes (PPLG and others) as areas of type ``gebied``, with geometry.

A province supplies a GeoJSON FeatureCollection (WGS84 or RD New); each feature becomes,
or updates, a ``gebied`` under that province. A practice may also bring its own polygon.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from django.db import transaction
from pyproj import Transformer

from koers.areas.boundaries import RD_NEW, SUPPORTED_CRS, WGS84, _reproject, detect_crs
from koers.areas.models import Area, AreaLink, AreaType
from koers.errors import KoersError

GEOMETRY_TYPES = ("Polygon", "MultiPolygon")


class AreaFileError(KoersError):
    code = "area_geojson"
    title = "Onjuist GeoJSON-bestand"


@dataclass(frozen=True)
class Loaded:
    created: list[str]
    updated: list[str]


def _code(name: str, province: Area) -> str:
    slug = re.sub(r"[^A-Z0-9]+", "-", name.upper()).strip("-")[:30]
    return f"GB-{province.code}-{slug}"


def _geometry(feature: dict, where: str, transformer) -> dict:
    geometry = feature.get("geometry") or {}
    if geometry.get("type") not in GEOMETRY_TYPES:
        raise AreaFileError(
            f"{where}: geometrie {geometry.get('type')!r} is geen Polygon of MultiPolygon"
        )
    return _reproject(geometry, transformer)


def read_collection(text: str, origin: str) -> tuple[list[dict], Transformer | None]:
    try:
        collection = json.loads(text)
    except ValueError as exc:
        raise AreaFileError(f"{origin}: geen geldige JSON ({exc})") from None
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        raise AreaFileError(f"{origin}: verwacht een GeoJSON FeatureCollection")
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
    code = _code(name, province)
    area, _made = Area.objects.update_or_create(
        code=code, defaults={"name": name, "type": AreaType.GEBIED, "geometry": geometry}
    )
    AreaLink.objects.get_or_create(child=area, parent=province, hierarchy="gebiedsproces")
    return area
