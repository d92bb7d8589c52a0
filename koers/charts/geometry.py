"""WGS84 GeoJSON polygons to simplified SVG paths: equirectangular projection scaled by
cos(latitude), fitted to a box, Douglas-Peucker simplified and rounded."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

Point = tuple[float, float]
Ring = list[Point]

#: The Netherlands lies around 52° N; one degree of longitude is cos(52°) of one of latitude.
REFERENCE_LATITUDE = 52.0


class GeometryError(ValueError):
    """A geometry is not a GeoJSON Polygon or MultiPolygon."""

    code = "map_geometry"


@dataclass(frozen=True)
class Shape:
    """One area projected into the drawing box."""

    path: str
    label_at: Point


def polygons(geometry: Mapping) -> list[list[Ring]]:
    """The polygons (outer ring first, then holes) of a Polygon or MultiPolygon."""
    kind, coords = geometry.get("type"), geometry.get("coordinates")
    if kind == "Polygon":
        return [[[(p[0], p[1]) for p in ring] for ring in coords]]
    if kind == "MultiPolygon":
        return [[[(p[0], p[1]) for p in ring] for ring in polygon] for polygon in coords]
    raise GeometryError(f"expected a Polygon or MultiPolygon, got {kind!r}")


def project(point: Point, *, latitude: float = REFERENCE_LATITUDE) -> Point:
    """Longitude scaled by cos(latitude), latitude flipped so north is up."""
    return point[0] * math.cos(math.radians(latitude)), -point[1]


def simplify(ring: Sequence[Point], tolerance: float) -> Ring:
    """Douglas-Peucker: drop points closer than `tolerance` to the line they lie on."""
    if len(ring) < 4:
        return list(ring)
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        first, last = stack.pop()
        worst, worst_index = 0.0, None
        for i in range(first + 1, last):
            distance = _distance(ring[i], ring[first], ring[last])
            if distance > worst:
                worst, worst_index = distance, i
        if worst_index is not None and worst > tolerance:
            keep[worst_index] = True
            stack += [(first, worst_index), (worst_index, last)]
    return [p for p, kept in zip(ring, keep, strict=True) if kept]


def _distance(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    if dx == dy == 0:
        return math.hypot(p[0] - a[0], p[1] - a[1])
    return abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / math.hypot(dx, dy)


def ring_area(ring: Sequence[Point]) -> float:
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:], strict=False)) / 2


def centroid(ring: Sequence[Point]) -> Point:
    area = ring_area(ring)
    if area == 0:
        xs, ys = zip(*ring, strict=True)
        return sum(xs) / len(xs), sum(ys) / len(ys)
    cx = cy = 0.0
    for a, b in zip(ring, ring[1:], strict=False):
        cross = a[0] * b[1] - b[0] * a[1]
        cx += (a[0] + b[0]) * cross
        cy += (a[1] + b[1]) * cross
    return cx / (6 * area), cy / (6 * area)


def fit_shapes(
    geometries: Mapping[str, Mapping], *, width: float, padding: float = 8, tolerance: float = 0.7
) -> tuple[dict[str, Shape], float]:
    """SVG paths per code in a box `width` wide; returns the shapes and the box height."""
    projected = {
        code: [[[project(p) for p in ring] for ring in polygon] for polygon in polygons(geometry)]
        for code, geometry in geometries.items()
    }
    points = [p for polys in projected.values() for poly in polys for ring in poly for p in ring]
    if not points:
        return {}, 0.0
    min_x, max_x = min(p[0] for p in points), max(p[0] for p in points)
    min_y, max_y = min(p[1] for p in points), max(p[1] for p in points)
    scale = (width - 2 * padding) / ((max_x - min_x) or 1)
    height = (max_y - min_y) * scale + 2 * padding

    def place(p: Point) -> Point:
        return (p[0] - min_x) * scale + padding, (p[1] - min_y) * scale + padding

    shapes = {}
    for code, polys in projected.items():
        parts, largest, largest_area = [], None, -1.0
        for poly in polys:
            for ring in poly:
                placed = simplify([place(p) for p in ring], tolerance)
                parts.append(_ring_path(placed))
                area = abs(ring_area(placed))
                if area > largest_area:
                    largest, largest_area = placed, area
        x, y = centroid(largest) if largest else (0.0, 0.0)
        shapes[code] = Shape(path="".join(parts), label_at=(round(x, 1), round(y, 1)))
    return shapes, round(height, 1)


def _number(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _ring_path(ring: Ring) -> str:
    """Relative moves on a 0.1 grid: about half the size of absolute coordinates."""
    grid = [(round(x * 10), round(y * 10)) for x, y in ring]
    points = [p for i, p in enumerate(grid) if i == 0 or p != grid[i - 1]]
    if len(points) < 3:
        return ""
    (x0, y0), steps = points[0], []
    for (ax, ay), (bx, by) in zip(points, points[1:], strict=False):
        dx, dy = _number((bx - ax) / 10), _number((by - ay) / 10)
        steps.append(f"{dx}{dy}" if dy.startswith("-") else f"{dx} {dy}")
    return f"M{_number(x0 / 10)} {_number(y0 / 10)}l" + " ".join(steps) + "z"
