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

MIN_CLAIMS = 3


@dataclass
class Cell:
    group: Hashable  # the cells that add up to one shown total (e.g. one schadejaar)
    key: Hashable
    claims: int
    values: dict[str, object] = field(default_factory=dict)
    suppressed: bool = False
    reason: str = ""


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
