"""SVG choropleth maps: every area a keyboard-reachable link, labelled with its value.

Areas with boundaries are drawn from their geometry; when any area has none, every area
becomes a tile of a grid map. Colour is never the only carrier: each area shows its value
as text and names itself and its value in its aria-label.
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from html import escape

from koers.charts.geometry import Shape, fit_shapes
from koers.charts.labels import CHAR_WIDTH, place_labels
from koers.charts.scale import NO_DATA_COLOUR, ColourClass, class_for, colour_classes
from koers.charts.tiles import tile_positions

WIDTH = 400
SHAPE_CACHE_ENTRIES = 16
_shape_cache: OrderedDict[str, tuple[dict[str, Shape], float]] = OrderedDict()
TILE, GAP = 72, 6
LABEL_SIZE = 12
FONT = "system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, Liberation Sans, sans-serif"


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    value: float | None
    value_text: str  # the value as shown, e.g. "1.234" (no unit)
    label: str  # what a screen reader hears, e.g. "Gelderland: 1.234 MW"
    href: str | None = None
    geometry: Mapping | None = None


@dataclass(frozen=True)
class LegendEntry:
    colour: str
    label: str
    hatched: bool = False


@dataclass(frozen=True)
class ChoroplethMap:
    svg: str
    legend: list[LegendEntry]
    kind: str  # "boundaries" or "tiles"


def choropleth(
    regions: Sequence[Region],
    *,
    title: str,
    class_label: Callable[[float, float], str],
    no_data_label: str,
    highlight: str | None = None,
    id_prefix: str = "map",
    neutral: str | None = None,
) -> ChoroplethMap:
    """The map of `regions`; `highlight` draws one area with a heavy outline, on top.

    With `neutral` (a colour), areas without a value are plain navigation, not "no data".
    """
    classes = colour_classes([r.value for r in regions], label=class_label)
    style = _Style(classes, id_prefix, neutral)
    with_shapes = all(r.geometry for r in regions) and regions
    body, height, kind = (
        (*_boundaries(regions, style, highlight), "boundaries")
        if with_shapes
        else (*_tiles(regions, style, highlight), "tiles")
    )
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'class="choropleth choropleth--{kind}" role="group" font-family="{FONT}" '
        f'aria-labelledby="{id_prefix}-title"><title id="{id_prefix}-title">{escape(title)}</title>'
        f"{_hatch(id_prefix)}{body}</svg>"
    )
    legend = [LegendEntry(c.colour, c.label) for c in classes]
    if not neutral and any(r.value is None for r in regions):
        legend.append(LegendEntry(NO_DATA_COLOUR, no_data_label, hatched=True))
    return ChoroplethMap(svg=svg, legend=legend, kind=kind)


def _hatch(prefix: str) -> str:
    return (
        f'<defs><pattern id="{prefix}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="#8a8a8a" stroke-width="2"/></pattern></defs>'
    )


@dataclass(frozen=True)
class _Style:
    classes: list[ColourClass]
    prefix: str
    neutral: str | None

    def fill(self, region: Region) -> tuple[str, str]:
        """Fill and label colour of one area."""
        found = class_for(region.value, self.classes)
        if found is not None:
            return found.colour, found.text_colour
        if self.neutral:
            return self.neutral, "#1a1a1a"
        return f"url(#{self.prefix}-hatch)", "#1a1a1a"


def _open_link(region: Region, highlighted: bool) -> str:
    css = "choropleth__area" + (" choropleth__area--highlight" if highlighted else "")
    current = ' aria-current="page"' if highlighted else ""
    label = escape(region.label)
    if region.href:
        return (
            f'<a href="{escape(region.href)}" tabindex="0" class="{css}" '
            f'aria-label="{label}"{current}><title>{label}</title>'
        )
    return f'<g class="{css}" role="img" aria-label="{label}"><title>{label}</title>'


def _close_link(region: Region) -> str:
    return "</a>" if region.href else "</g>"


def _label(x: float, y: float, text: str, colour: str, *, size: float) -> str:
    halo = "#000000" if colour == "#ffffff" else "#ffffff"
    return (
        f'<text x="{x}" y="{y}" text-anchor="middle" dominant-baseline="central" '
        f'font-size="{size}" font-weight="600" fill="{colour}" stroke="{halo}" stroke-width="2" '
        f'paint-order="stroke" class="choropleth__label" aria-hidden="true">{escape(text)}</text>'
    )


def fitted_shapes(geometries: Mapping[str, Mapping]) -> tuple[dict[str, Shape], float]:
    """fit_shapes() once per set of boundaries: a page with several maps projects once."""
    key = hashlib.sha256(json.dumps(geometries, sort_keys=True).encode()).hexdigest()
    if key not in _shape_cache:
        _shape_cache[key] = fit_shapes(geometries, width=WIDTH)
        while len(_shape_cache) > SHAPE_CACHE_ENTRIES:
            _shape_cache.popitem(last=False)
    return _shape_cache[key]


def _boundaries(regions, style: _Style, highlight) -> tuple[str, float]:
    shapes, height = fitted_shapes({r.code: r.geometry for r in regions})
    # Small neighbours (Utrecht, Flevoland) would otherwise print their values over each other.
    labels_at = place_labels(
        {r.code: shapes[r.code].label_at for r in regions},
        {r.code: r.value_text for r in regions},
        size=LABEL_SIZE,
        width=WIDTH,
        height=height,
    )
    parts = []
    # The highlighted area goes last so its outline is not hidden under its neighbours.
    for region in sorted(regions, key=lambda r: r.code == highlight):
        shape, is_current = shapes[region.code], region.code == highlight
        fill, text_colour = style.fill(region)
        stroke = ' stroke="#000" stroke-width="3"' if is_current else ' stroke="#1a1a1a"'
        parts.append(
            _open_link(region, is_current)
            + f'<path d="{shape.path}" fill="{fill}"{stroke} stroke-linejoin="round" '
            f'fill-rule="evenodd" class="choropleth__shape"/>'
            + _label(*labels_at[region.code], region.value_text, text_colour, size=LABEL_SIZE)
            + _close_link(region)
        )
    return "".join(parts), height


def _fitting(text: str, *, largest: float = 13) -> float:
    """A font size at which `text` stays inside its tile (long values get smaller type)."""
    return round(min(largest, (TILE - 8) / (max(len(text), 1) * CHAR_WIDTH)), 1)


def _tiles(regions, style: _Style, highlight) -> tuple[str, float]:
    positions = tile_positions([r.code for r in regions])
    columns = max((col for col, _, _ in positions.values()), default=0) + 1
    rows = max((row for _, row, _ in positions.values()), default=0) + 1
    step = TILE + GAP
    left = (WIDTH - columns * step + GAP) / 2
    parts = []
    for region in sorted(regions, key=lambda r: r.code == highlight):
        col, row, short = positions[region.code]
        x, y = left + col * step, GAP + row * step
        fill, text_colour = style.fill(region)
        is_current = region.code == highlight
        stroke = ' stroke="#000" stroke-width="4"' if is_current else ' stroke="#1a1a1a"'
        centre = x + TILE / 2
        parts.append(
            _open_link(region, is_current)
            + f'<rect x="{x}" y="{y}" width="{TILE}" height="{TILE}" rx="4" fill="{fill}"'
            f'{stroke} class="choropleth__shape"/>'
            + _label(centre, y + 22, short, text_colour, size=14)
            + _label(
                centre, y + 48, region.value_text, text_colour, size=_fitting(region.value_text)
            )
            + _close_link(region)
        )
    return "".join(parts), rows * step + GAP
