"""Projection and simplification of WGS84 boundaries into SVG paths."""

import json
import math
import re

import pytest

from koers.charts.geometry import GeometryError, fit_shapes, polygons, project, simplify


def test_longitude_is_scaled_by_the_cosine_of_52_degrees_and_north_is_up():
    x, y = project((5.0, 52.0))
    assert x == pytest.approx(5.0 * math.cos(math.radians(52)))
    assert y == -52.0


def test_simplify_drops_points_on_a_straight_line_and_keeps_corners():
    ring = [(0, 0), (1, 0.01), (2, 0), (2, 2), (0, 2), (0, 0)]
    assert simplify(ring, 0.1) == [(0, 0), (2, 0), (2, 2), (0, 2), (0, 0)]


def test_only_polygons_can_be_drawn():
    with pytest.raises(GeometryError) as error:
        polygons({"type": "Point", "coordinates": [5, 52]})
    assert error.value.code == "map_geometry"


def test_the_twelve_real_provinces_fit_the_box(shared_data):
    collection = json.loads((shared_data / "geo" / "provincie_2023_wgs84.geojson").read_text())
    geometries = {f["properties"]["statcode"]: f["geometry"] for f in collection["features"]}
    shapes, height = fit_shapes(geometries, width=400)
    assert sorted(shapes) == [f"PV{n}" for n in range(20, 32)]
    # The Netherlands is taller than wide once longitude is scaled: about 1.2 times.
    assert 400 < height < 520
    for shape in shapes.values():
        x, y = shape.label_at
        assert 0 <= x <= 400 and 0 <= y <= height
        assert shape.path.startswith("M") and shape.path.endswith("z")
        assert not re.search(r"\d\.\d\d", shape.path), "coordinates are rounded to 0.1"
    # Groningen's label lies north-east of Limburg's.
    assert shapes["PV20"].label_at[0] > shapes["PV31"].label_at[0] - 50
    assert shapes["PV20"].label_at[1] < shapes["PV31"].label_at[1]
