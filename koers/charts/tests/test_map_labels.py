"""Map labels never overlap, however long the values: not on the real province boundaries,
not on the tile map."""

import re
from itertools import combinations

import pytest

from koers.charts.labels import label_box, place_labels
from koers.charts.maps import TILE, WIDTH, fitted_shapes
from koers.charts.tests.test_maps import draw, regions

LABEL = re.compile(
    r'<text x="([\d.]+)" y="([\d.]+)"[^>]*font-size="([\d.]+)"[^>]*class="choropleth__label"'
    r"[^>]*>([^<]*)</text>"
)


def labels_of(svg: str) -> list[tuple[float, float, float, str]]:
    return [(float(x), float(y), float(size), text) for x, y, size, text in LABEL.findall(svg)]


def long_values(items, text: str):
    return [r.__class__(**{**r.__dict__, "value_text": text}) for r in items]


@pytest.mark.parametrize("text", ["8", "1.234", "12.345.678", "123.456.789,12"])
def test_no_two_value_labels_on_the_province_map_overlap(geometries, text):
    svg = draw(long_values(regions(geometries), text)).svg
    height = float(re.search(r'viewBox="0 0 [\d.]+ ([\d.]+)"', svg)[1])
    boxes = [label_box(x, y, t, size=size) for x, y, size, t in labels_of(svg)]
    assert len(boxes) == 12
    for a, b in combinations(boxes, 2):
        assert not a.overlaps(b), (a, b)
    for box in boxes:
        assert box.width / 2 <= box.x <= WIDTH - box.width / 2
        assert box.height / 2 <= box.y <= height - box.height / 2


def test_without_placement_the_centres_would_collide(geometries):
    """Why placement is needed: Utrecht's and its neighbours' centres are too close."""
    shapes, _ = fitted_shapes(geometries)
    boxes = [label_box(*s.label_at, "12.345.678", size=12) for s in shapes.values()]
    assert any(a.overlaps(b) for a, b in combinations(boxes, 2))


def test_labels_that_do_not_collide_stay_at_their_centre():
    anchors = {"a": (50.0, 50.0), "b": (200.0, 50.0)}
    placed = place_labels(anchors, {"a": "1", "b": "2"}, size=12, width=400, height=100)
    assert placed == anchors


def test_tile_values_shrink_to_stay_inside_their_tile():
    svg = draw(long_values(regions(), "123.456.789,12")).svg
    values = [label for label in labels_of(svg) if label[3] == "123.456.789,12"]
    assert len(values) == 12
    for x, y, size, text in values:
        assert label_box(x, y, text, size=size).width <= TILE
