"""Statistical disclosure control for the public claim figures (plain Python).

A cell built from fewer than ``MIN_CLAIMS`` claims is suppressed (primary suppression).
Where a group's total is shown, one suppressed cell could be recovered by subtracting the
others from the total; so when a group has exactly one suppressed cell, the smallest other
cell is suppressed too (secondary suppression), and so on until no group has exactly one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

MIN_CLAIMS = 3


@dataclass
class Cell:
    group: Hashable  # the cells that add up to one shown total (e.g. one schadejaar)
    key: Hashable
    claims: int
    values: dict[str, object] = field(default_factory=dict)
    suppressed: bool = False
    reason: str = ""
    ids: frozenset = frozenset()  # the claims in the cell, where a claim spans several cells


def suppress(cells: Sequence[Cell], *, minimum: int = MIN_CLAIMS) -> list[Cell]:
    """Mark cells to hide; returns the same cells. Totals per group stay publishable."""
    for cell in cells:
        if cell.claims < minimum:
            cell.suppressed, cell.reason = True, "primair"
    groups: dict[Hashable, list[Cell]] = defaultdict(list)
    for cell in cells:
        groups[cell.group].append(cell)
    for members in groups.values():
        while sum(c.suppressed for c in members) == 1 and len(members) > 1:
            candidates = [c for c in members if not c.suppressed]
            smallest = min(candidates, key=lambda c: (c.claims, str(c.key)))
            smallest.suppressed, smallest.reason = True, "secundair"
    return list(cells)


def group_total_is_safe(members: Sequence[Cell], *, minimum: int = MIN_CLAIMS) -> bool:
    """A group's total may be shown when it is built from at least ``minimum`` claims."""
    return sum(c.claims for c in members) >= minimum


# -- linked tables: every figure published anywhere, protected together ------------------


@dataclass(frozen=True)
class Line:
    """A published sum: ``total`` is the sum of ``parts`` (cell keys)."""

    total: Hashable
    parts: tuple[Hashable, ...]


def protect(
    cells: dict[Hashable, Cell], lines: Sequence[Line], *, minimum: int = MIN_CLAIMS
) -> dict[Hashable, Cell]:
    """Suppress so that no hidden figure can be worked out from the shown ones.

    The cells are every figure published anywhere (the monitor, the API, the delivery to
    the indicator engine), and ``lines`` every sum among them, so that a subtraction
    across two publications is caught as well as one within a table:

    1. a cell of fewer than ``minimum`` claims is hidden (primair);
    2. a line never has exactly one hidden member, and the hidden parts of a line with a
       shown total hold at least ``minimum`` claims together (else their sum, the total
       minus the shown parts, reveals them): hide the smallest shown part (secundair);
    3. no hidden cell is fixed by the system of all lines (derivable()): hide more.
    """
    for cell in cells.values():
        if cell.claims < minimum:
            cell.suppressed, cell.reason = True, "primair"
    while True:
        line = next((ln for ln in lines if _exposed(cells, ln, minimum)), None)
        if line is None:
            exposed = derivable(cells, lines)
            if not exposed:
                return cells
            # hide a shown figure of a line through the exposed cell, or failing that
            # (its lines are hidden whole) the smallest shown figure of any line it is
            # linked to through hidden cells
            line = next(
                (ln for key in exposed for ln in lines if key in (ln.total, *ln.parts)
                 and _pick(cells, ln) is not None),
                None,
            ) or next(
                (ln for ln in sorted(lines, key=lambda ln: _smallest_shown(cells, ln))
                 if _pick(cells, ln) is not None),
                None,
            )  # fmt: skip
            if line is None:
                return cells
        pick = _pick(cells, line)
        if pick is None:  # every member hidden already: nothing this line can give away
            return cells
        cells[pick].suppressed, cells[pick].reason = True, "secundair"


def _smallest_shown(cells: dict[Hashable, Cell], line: Line) -> tuple[int, int]:
    """Lines with a hidden member first, then by their smallest shown figure."""
    members = [cells[k] for k in (line.total, *line.parts) if k in cells]
    shown = [c.claims for c in members if not c.suppressed]
    return (0 if any(c.suppressed for c in members) else 1, min(shown, default=10**9))


def _claims_in(cells: list[Cell]) -> int:
    ids: set = set()
    for cell in cells:
        ids |= cell.ids or {(cell.key, n) for n in range(cell.claims)}
    return len(ids)


def _exposed(cells: dict[Hashable, Cell], line: Line, minimum: int) -> bool:
    members = [line.total, *line.parts]
    hidden = [k for k in members if k in cells and cells[k].suppressed]
    if len(hidden) == 1 and len([k for k in members if k in cells]) > 1:
        return True
    total_shown = line.total in cells and not cells[line.total].suppressed
    hidden_parts = [cells[k] for k in line.parts if k in cells and cells[k].suppressed]
    return bool(total_shown and hidden_parts and _claims_in(hidden_parts) < minimum)


def _pick(cells: dict[Hashable, Cell], line: Line) -> Hashable | None:
    shown = [k for k in line.parts if k in cells and not cells[k].suppressed]
    if shown:
        return min(shown, key=lambda k: (cells[k].claims, str(k)))
    if line.total in cells and not cells[line.total].suppressed:
        return line.total
    return None


def derivable(cells: dict[Hashable, Cell], lines: Sequence[Line]) -> list[Hashable]:
    """Hidden cells whose value the shown cells and the lines fix exactly.

    The lines restricted to the hidden cells form a linear system; a hidden cell is fixed
    when it is a pivot of the reduced system with no free cell in its row.
    """
    hidden = [k for k, c in cells.items() if c.suppressed]
    unpublished = {k for ln in lines for k in (ln.total, *ln.parts) if k not in cells}
    hidden += sorted(unpublished, key=str)  # unknowns too, though never reported
    column = {k: i for i, k in enumerate(hidden)}
    rows = []
    for line in lines:
        row = [Fraction(0)] * len(hidden)
        for key in line.parts:
            if key in column:
                row[column[key]] += 1
        if line.total in column:
            row[column[line.total]] -= 1
        if any(row):
            rows.append(row)
    pivots: list[tuple[int, int]] = []  # (row, column)
    r = 0
    for c in range(len(hidden)):
        pivot = next((i for i in range(r, len(rows)) if rows[i][c]), None)
        if pivot is None:
            continue
        rows[r], rows[pivot] = rows[pivot], rows[r]
        lead = rows[r][c]
        rows[r] = [v / lead for v in rows[r]]
        for i in range(len(rows)):
            if i != r and rows[i][c]:
                factor = rows[i][c]
                rows[i] = [a - factor * b for a, b in zip(rows[i], rows[r], strict=True)]
        pivots.append((r, c))
        r += 1
    pivot_columns = {c for _r, c in pivots}
    free = [c for c in range(len(hidden)) if c not in pivot_columns]
    return [
        hidden[c] for row, c in pivots if hidden[c] in cells and not any(rows[row][f] for f in free)
    ]
