"""A five-class sequential colour scale (viridis, light to dark) for choropleths."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

#: viridis sampled at five points, lowest class first; distinguishable with any colour vision
COLOURS = ("#fde725", "#5ec962", "#21918c", "#3b528b", "#440154")
#: label colour per class with a contrast of at least 4.5:1 against the fill
TEXT_COLOURS = ("#000000", "#000000", "#000000", "#ffffff", "#ffffff")
NO_DATA_COLOUR = "#ffffff"


@dataclass(frozen=True)
class ColourClass:
    index: int
    low: float
    high: float
    colour: str
    text_colour: str
    label: str


def class_breaks(values: Sequence[float], *, classes: int = len(COLOURS)) -> list[float]:
    """Upper bounds of up to `classes` quantile classes; the last bound is the maximum."""
    data = sorted(v for v in values if v is not None)
    if not data:
        return []
    bounds: list[float] = []
    for i in range(1, classes + 1):
        position = i * (len(data) - 1) / classes
        bound = data[round(position)]
        if not bounds or bound > bounds[-1]:
            bounds.append(bound)
    if bounds[-1] < data[-1]:
        bounds.append(data[-1])
    return bounds


def colour_classes(
    values: Sequence[float | None], *, label: Callable[[float, float], str]
) -> list[ColourClass]:
    """The classes for these values, darkest for the highest; `label(low, high)` names each."""
    data = [v for v in values if v is not None]
    bounds = class_breaks(data)
    if not bounds:
        return []
    # Spread the colours over the classes we have, keeping the extremes light and dark.
    picks = _spread(len(bounds))
    out, low = [], min(data)
    for i, high in enumerate(bounds):
        out.append(
            ColourClass(i, low, high, COLOURS[picks[i]], TEXT_COLOURS[picks[i]], label(low, high))
        )
        low = high
    return out


def class_for(value: float | None, classes: Sequence[ColourClass]) -> ColourClass | None:
    if value is None or not classes:
        return None
    for colour_class in classes:
        if value <= colour_class.high:
            return colour_class
    return classes[-1]


def _spread(count: int) -> list[int]:
    last = len(COLOURS) - 1
    if count == 1:
        return [last // 2]
    return [round(i * last / (count - 1)) for i in range(count)]
