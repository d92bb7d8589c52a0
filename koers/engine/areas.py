"""Area hierarchies: heights per hierarchy (for bottom-up aggregation) and active links."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pyarrow as pa

from koers.engine.errors import HierarchyError

UNALLOCATED = "unallocated"

# Links active on a period's end date; valid_to is exclusive. Used by aggregation and trace.
ACTIVE_LINKS_SQL = """
SELECT l.hierarchy, l.child, l.parent, p.period,
       coalesce(a.type = 'unallocated', false) AS unalloc
FROM links_in l
JOIN {periods} p
  ON (l.valid_from IS NULL OR l.valid_from <= p.end_date)
 AND (l.valid_to IS NULL OR p.end_date < l.valid_to)
LEFT JOIN areas_in a ON a.code = l.child
"""


@dataclass(frozen=True)
class HierarchyPlan:
    heights: dict[str, dict[str, int]]  # hierarchy -> area -> height (leaves 0)

    @property
    def hierarchies(self) -> list[str]:
        return sorted(self.heights)

    def parents(self, hierarchy: str) -> set[str]:
        return {a for a, h in self.heights[hierarchy].items() if h > 0}

    def all_parents(self) -> set[str]:
        return {a for h in self.heights for a in self.parents(h)}

    def max_height(self, hierarchy: str) -> int:
        return max(self.heights[hierarchy].values(), default=0)

    def height_table(self) -> pa.Table:
        rows = [(h, a, n) for h, m in self.heights.items() for a, n in m.items()]
        return pa.table(
            {
                "hierarchy": pa.array([r[0] for r in rows], pa.string()),
                "area": pa.array([r[1] for r in rows], pa.string()),
                "height": pa.array([r[2] for r in rows], pa.int32()),
            }
        )

    def area_hierarchies(self) -> pa.Table:
        """(area, hierarchy) for every parent area: the rows an area's values appear under."""
        rows = [(a, h) for h in self.hierarchies for a in sorted(self.parents(h))]
        return pa.table(
            {
                "area": pa.array([r[0] for r in rows], pa.string()),
                "hierarchy": pa.array([r[1] for r in rows], pa.string()),
            }
        )


def plan_hierarchies(links: pa.Table) -> HierarchyPlan:
    """Heights over all links of each hierarchy, ignoring validity; raises on a cycle."""
    children: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    nodes: dict[str, set[str]] = defaultdict(set)
    for child, parent, hierarchy in zip(
        links.column("child").to_pylist(),
        links.column("parent").to_pylist(),
        links.column("hierarchy").to_pylist(),
        strict=True,
    ):
        if child == parent:
            raise HierarchyError(f"area {child} is its own parent in {hierarchy}", area=child)
        children[hierarchy][parent].add(child)
        nodes[hierarchy].update((child, parent))

    heights: dict[str, dict[str, int]] = {}
    for hierarchy, kids in children.items():
        result: dict[str, int] = {}
        busy: set[str] = set()

        def height(area: str, kids=kids, result=result, busy=busy, hierarchy=hierarchy) -> int:
            if area in result:
                return result[area]
            if area in busy:
                raise HierarchyError(f"cycle through {area} in hierarchy {hierarchy}", area=area)
            busy.add(area)
            result[area] = 1 + max((height(c) for c in kids[area]), default=-1)
            busy.discard(area)
            return result[area]

        for area in sorted(nodes[hierarchy]):
            height(area)
        heights[hierarchy] = result
    return HierarchyPlan(heights)
