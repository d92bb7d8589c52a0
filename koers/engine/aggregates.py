"""The stored core of an aggregate row, and the AGGREGATES columns derived from it.

The engine computes and stores only what cannot be derived (STORED). Everything else in
AGGREGATES is a pure function of one row plus the file it is in, and is added by
`complete()` when rows are read: the indicator (one per store file), the area's level, the
period type, the published value, the difference, whether it is within tolerance, the
status and the lineage id. Deriving them once per read instead of once per refresh roughly
halves what a full refresh writes; there is one implementation, used by the store and by
`aggregate()` alike.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

import pyarrow as pa
import pyarrow.compute as pc

from koers.engine.lineage import with_lineage
from koers.engine.periods import parse_period
from koers.engine.schema import AGGREGATES

STORED = pa.schema(
    [
        AGGREGATES.field(name)
        for name in (
            "hierarchy",
            "area",
            "period",
            "breakdown",
            "value_kind",
            "computed_value",
            "reported_value",
            "tolerance",
            "unallocated_value",
            "coverage_count",
            "coverage_expected",
            "partial",
            "missing_reason",
        )
    ]
)

# Absolute slack on top of the tolerance, so that a difference of exactly the tolerance
# is not lost to floating-point noise.
EPSILON = 1e-9

LEVELS_KEY = b"koers.levels"


def levels_of(areas: pa.Table) -> dict[str, str]:
    """Area code -> area type (the `level` column), from an AREAS table."""
    codes, types = areas.column("code").to_pylist(), areas.column("type").to_pylist()
    return dict(zip(codes, types, strict=True))


def levels_metadata(levels: Mapping[str, str]) -> str:
    """The level map as the JSON text kept in each store file's key-value metadata."""
    return json.dumps(dict(sorted(levels.items())), separators=(",", ":"))


def levels_from_metadata(metadata: Mapping[bytes, bytes] | None) -> dict[str, str]:
    raw = (metadata or {}).get(LEVELS_KEY)
    return json.loads(raw) if raw else {}


def _lookup(column: pa.ChunkedArray, mapping: Mapping[str, str | None]) -> pa.Array:
    """Map each value through `mapping` (missing keys give NULL), one call per distinct value."""
    encoded = pc.dictionary_encode(column).combine_chunks()
    keys = encoded.dictionary.to_pylist()
    mapped = pa.array([mapping.get(k) for k in keys], pa.string())
    return mapped.take(encoded.indices)


def complete(
    stored: pa.Table, *, levels: Mapping[str, str], indicator: str | pa.ChunkedArray
) -> pa.Table:
    """AGGREGATES rows from STORED rows: add every column that follows from the row."""
    n = stored.num_rows
    computed, reported = stored.column("computed_value"), stored.column("reported_value")
    tolerance = stored.column("tolerance")
    value = pc.coalesce(reported, computed)
    difference = pc.subtract(computed, reported)
    slack = pc.multiply(pc.max_element_wise(pc.abs(reported), 1.0), EPSILON)
    # tolerance is only set where both values exist, so `within` is NULL everywhere else
    within = pc.less_equal(pc.abs(difference), pc.add(tolerance, slack))
    status = pc.if_else(
        pc.is_null(value),
        "missing",
        pc.if_else(pc.and_(pc.is_null(reported), stored.column("partial")), "partial", "ok"),
    )
    periods = stored.column("period")
    period_types = {p: parse_period(p).type for p in pc.unique(periods).to_pylist()}
    if isinstance(indicator, str):
        indicator = pa.repeat(pa.scalar(indicator, pa.string()), n)
    columns = {
        "indicator": indicator,
        "level": _lookup(stored.column("area"), levels),
        "period_type": _lookup(periods, period_types),
        "value": value,
        "difference": difference,
        "within_tolerance": within,
        "status": status,
    }
    table = pa.table(
        {
            f.name: columns[f.name] if f.name in columns else stored.column(f.name)
            for f in AGGREGATES
            if f.name != "lineage_id"
        }
    )
    return with_lineage(table).cast(AGGREGATES)
