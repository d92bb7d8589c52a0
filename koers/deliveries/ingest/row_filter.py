"""Two mapping options that shape the rows before codes are translated: row filters, and an
area spread over several columns (Country, Region, Local Authority)."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from koers.deliveries.ingest.codes import map_unique
from koers.deliveries.ingest.mapping import RowFilter
from koers.deliveries.ingest.readers import RawBatch


def filtered_out(batch: RawBatch, row_filter: RowFilter) -> pa.Array | None:
    """True for rows the mapping's `row_filter` leaves out on purpose; None: no filter."""
    out = None
    for rule, wanted in ((row_filter.keep, True), (row_filter.skip, False)):
        for column, values in rule.items():
            hit = map_unique(batch.columns[column], lambda t, v=values: t.strip() in v, pa.bool_())
            drop = pc.invert(hit) if wanted else hit
            out = drop if out is None else pc.or_(out, drop)
    return None if out is None else pc.fill_null(out, True)


def narrowest(batch: RawBatch, levels: tuple[str, ...]) -> pa.Array:
    """Per row, the cell of the narrowest non-blank column in `levels` (blank if all are)."""
    found = None
    for column in reversed(levels):  # narrowest first: the first non-blank cell wins
        cells = batch.columns[column]
        usable = pc.if_else(pc.equal(pc.utf8_trim_whitespace(cells), ""), None, cells)
        found = usable if found is None else pc.coalesce(found, usable)
    return pc.fill_null(found, "")
