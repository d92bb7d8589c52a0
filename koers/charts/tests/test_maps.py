"""Choropleth maps: every province a labelled, keyboard-reachable link; tiles as fallback."""

import re

from koers.charts.maps import Region, choropleth
from koers.charts.scale import COLOURS
from koers.charts.tiles import PROVINCE_TILES, tile_positions

NAMES = {"PV20": "Groningen", "PV25": "Gelderland", "PV26": "Utrecht", "PV31": "Limburg"}


def regions(geometries=None, *, missing=()):
    out = []
    for i, code in enumerate(sorted(PROVINCE_TILES)):
        value = None if code in missing else float(100 * (i + 1))
        text = "–" if value is None else f"{value:.0f}"
        name = NAMES.get(code, code)
        out.append(
            Region(code, name, value, text, f"{name}: {text} MW", f"/provincie/{code}",
                   (geometries or {}).get(code))
        )  # fmt: skip
    return out


def draw(items, **options):
    return choropleth(
        items, title="Windvermogen 2024", class_label=lambda lo, hi: f"{lo:.0f}–{hi:.0f}",
        no_data_label="geen gegevens", **options,
    )  # fmt: skip


def test_each_province_is_a_link_named_with_its_value(geometries):
    drawn = draw(regions(geometries))
    assert drawn.kind == "boundaries"
    links = re.findall(r'<a href="(/provincie/PV\d\d)" tabindex="0"[^>]*aria-label="([^"]+)"',
                       drawn.svg)  # fmt: skip
    assert len(links) == 12
    assert ("/provincie/PV25", "Gelderland: 600 MW") in links
    labels = re.findall(r'class="choropleth__label" aria-hidden="true">([^<]+)<', drawn.svg)
    assert sorted(labels, key=float) == [f"{100 * n}" for n in range(1, 13)]


def test_the_legend_names_each_colour_class_and_no_data(geometries):
    drawn = draw(regions(geometries, missing={"PV26"}))
    assert [e.colour for e in drawn.legend[:-1]] == list(COLOURS)
    assert drawn.legend[-1].label == "geen gegevens" and drawn.legend[-1].hatched
    utrecht = re.search(r'aria-label="Utrecht: – MW">.*?</a>', drawn.svg, re.S).group(0)
    assert 'fill="url(#map-hatch)"' in utrecht


def test_the_highlighted_province_is_drawn_last_with_a_heavy_outline(geometries):
    drawn = draw(regions(geometries), highlight="PV25")
    last = drawn.svg.rsplit("<a ", 1)[1]
    assert last.startswith('href="/provincie/PV25"')
    assert 'aria-current="page"' in last and 'stroke-width="3"' in last
    assert drawn.svg.count('aria-current="page"') == 1


def test_without_boundaries_the_provinces_become_tiles():
    drawn = draw(regions())
    assert drawn.kind == "tiles"
    assert drawn.svg.count("<rect x=") == 12 and drawn.svg.count('tabindex="0"') == 12
    positions = tile_positions(sorted(PROVINCE_TILES))
    assert len({(col, row) for col, row, _ in positions.values()}) == 12


def test_unknown_areas_get_tiles_below_the_provinces():
    positions = tile_positions(["PV20", "XX01", "XX02"])
    assert positions["XX01"][1] == positions["XX02"][1] == 1 + PROVINCE_TILES["PV20"][1]


def test_neutral_maps_are_navigation_without_a_no_data_legend(geometries):
    items = [Region(r.code, r.name, None, r.name, r.name, r.href, r.geometry)
             for r in regions(geometries)]  # fmt: skip
    drawn = draw(items, neutral="#dce6f2")
    assert drawn.legend == [] and "url(#map-hatch)" not in drawn.svg.split("</defs>", 1)[1]
    assert drawn.svg.count('fill="#dce6f2"') == 12


def test_names_are_escaped():
    item = Region("PV20", 'A & "B"', 1.0, "1", 'A & "B": 1', "/x?a=1&b=2", None)
    svg = draw([item]).svg
    assert 'aria-label="A &amp; &quot;B&quot;: 1"' in svg and 'href="/x?a=1&amp;b=2"' in svg
