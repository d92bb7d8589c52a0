"""Map labels that never overlap: each starts at its area's centre and is pushed apart from
the labels it collides with, staying inside the drawing.

Text width is estimated (no font metrics in a plain library): generous, so that two boxes
that do not overlap here do not overlap on screen either.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

CHAR_WIDTH = 0.62  # of the font size, for digits, dots and capitals of a sans-serif
LINE_HEIGHT = 1.25
MARGIN = 1.5  # space kept between two labels, in drawing units
ROUNDS = 200


@dataclass(frozen=True)
class Box:
    x: float  # centre
    y: float
    width: float
    height: float

    def overlaps(self, other: Box) -> bool:
        return (
            abs(self.x - other.x) * 2 < self.width + other.width
            and abs(self.y - other.y) * 2 < self.height + other.height
        )


def label_box(x: float, y: float, text: str, *, size: float) -> Box:
    """The box a centred label of `text` takes, with its halo and a small margin."""
    return Box(x, y, len(text) * size * CHAR_WIDTH + 2 * MARGIN, size * LINE_HEIGHT + 2 * MARGIN)


def place_labels(
    anchors: Mapping[str, tuple[float, float]],
    texts: Mapping[str, str],
    *,
    size: float,
    width: float,
    height: float,
) -> dict[str, tuple[float, float]]:
    """Label centres, moved as little as needed so that no two label boxes overlap.

    Colliding labels move apart vertically (the short way for a line of text), each half the
    overlap, until none collide; all stay within (0, 0)–(width, height).
    """
    boxes = {
        code: label_box(
            *_inside(anchors[code], texts[code], size, width, height), texts[code], size=size
        )
        for code in anchors
    }
    codes = sorted(boxes, key=lambda c: (boxes[c].y, boxes[c].x))
    for _ in range(ROUNDS):
        moved = False
        for i, first in enumerate(codes):
            for second in codes[i + 1 :]:
                a, b = boxes[first], boxes[second]
                if not a.overlaps(b):
                    continue
                push = ((a.height + b.height) / 2 - abs(a.y - b.y)) / 2 + 0.1
                up, down = (first, second) if a.y <= b.y else (second, first)
                boxes[up] = _moved(boxes[up], -push, height)
                boxes[down] = _moved(boxes[down], push, height)
                moved = True
        if not moved:
            break
    return {code: (round(box.x, 1), round(box.y, 1)) for code, box in boxes.items()}


def _inside(
    anchor: tuple[float, float], text: str, size: float, width: float, height: float
) -> tuple[float, float]:
    box = label_box(*anchor, text, size=size)
    x = min(max(anchor[0], box.width / 2), width - box.width / 2)
    y = min(max(anchor[1], box.height / 2), height - box.height / 2)
    return x, y


def _moved(box: Box, dy: float, height: float) -> Box:
    y = min(max(box.y + dy, box.height / 2), height - box.height / 2)
    return Box(box.x, y, box.width, box.height)
