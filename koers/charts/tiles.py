"""The tile-map fallback: the twelve provinces as a grid of equal squares, roughly in place."""

from __future__ import annotations

#: CBS code -> (column, row, short name) on a 3 x 5 grid, north-west at (0, 0)
PROVINCE_TILES: dict[str, tuple[int, int, str]] = {
    "PV21": (1, 0, "FR"),
    "PV20": (2, 0, "GR"),
    "PV27": (0, 1, "NH"),
    "PV24": (1, 1, "FL"),
    "PV22": (2, 1, "DR"),
    "PV28": (0, 2, "ZH"),
    "PV26": (1, 2, "UT"),
    "PV23": (2, 2, "OV"),
    "PV29": (0, 3, "ZE"),
    "PV30": (1, 3, "NB"),
    "PV25": (2, 3, "GE"),
    "PV31": (2, 4, "LI"),
}
COLUMNS = 3


def tile_positions(codes: list[str]) -> dict[str, tuple[int, int, str]]:
    """Known provinces in their place; any other area gets a tile in extra rows below."""
    out = {code: PROVINCE_TILES[code] for code in codes if code in PROVINCE_TILES}
    extra = [code for code in codes if code not in PROVINCE_TILES]
    first_free_row = max((row for _, row, _ in out.values()), default=-1) + 1
    for i, code in enumerate(extra):
        out[code] = (i % COLUMNS, first_free_row + i // COLUMNS, code[:4])
    return out
