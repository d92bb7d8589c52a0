"""From a raw batch to a RowFrame: the area, period and breakdown of every source row.

Translation never raises: a code that cannot be translated becomes NULL next to its raw
text, and the row checks turn each NULL into an error that names the row and column.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

from koers.deliveries.ingest.breakdown import (
    RESERVED,
    TOTAL,
    breakdown_column,
    canonical_breakdown,
    parse_breakdown,
)
from koers.deliveries.ingest.codes import constant, map_unique
from koers.deliveries.ingest.errors import BreakdownError, PeriodCodeError
from koers.deliveries.ingest.mapping import AreaSource, CodeSource, Mapping, PeriodSource
from koers.deliveries.ingest.periods import parse_period
from koers.deliveries.ingest.readers import RawBatch
from koers.deliveries.ingest.row_filter import filtered_out, narrowest


@dataclass(frozen=True)
class Coded:
    """One code per row: the cell as delivered and its Koers code (NULL: not translatable)."""

    column: str | None
    raw: pa.Array
    code: pa.Array

    @property
    def blank(self) -> pa.Array:
        return pc.equal(pc.utf8_trim_whitespace(self.raw), "")

    @property
    def untranslatable(self) -> pa.Array:
        """Non-blank cells whose code is NULL."""
        return pc.and_(pc.invert(self.blank), pc.is_null(self.code))


@dataclass(frozen=True)
class RowFrame:
    source_row: pa.Array
    area: Coded
    period: Coded
    dims: dict[str, Coded]  # per breakdown dimension; for breakdown_column one entry "*"
    breakdown: pa.Array  # canonical; NULL when a part is missing or invalid
    skipped: pa.Array  # rows of areas the mapping skips on purpose
    cells: dict[str, pa.Array]  # every column read, as delivered (for the NUL/length checks)

    @property
    def num_rows(self) -> int:
        return len(self.source_row)


def _raw(batch: RawBatch, source: CodeSource) -> pa.Array:
    if isinstance(source, AreaSource) and source.levels:
        return narrowest(batch, source.levels)
    if source.column is not None:
        return batch.columns[source.column]
    return constant(source.constant or "", batch.num_rows)


def _code(source: CodeSource, batch: RawBatch) -> Coded:
    raw = _raw(batch, source)

    def translate(text: str) -> str | None:
        code = source.translate(text)
        return None if code is None or RESERVED & set(code) else code

    column = ", ".join(source.levels) if isinstance(source, AreaSource) else source.column
    return Coded(column or source.column, raw, map_unique(raw, translate, pa.string()))


def _joined_parts(source: PeriodSource, batch: RawBatch) -> Coded:
    """A period spread over columns: each part translated by the code map, joined by '-'."""
    columns = [source.column, *source.parts]
    raws = [batch.columns[c] for c in columns]

    def part(text: str) -> str:
        return source.codes.get(text.strip(), text.strip())

    parts = [map_unique(raw, part, pa.string()) for raw in raws]
    joined = map_unique(pc.binary_join_element_wise(*parts, "-"), _parsed_or_none, pa.string())
    return Coded(", ".join(columns), pc.binary_join_element_wise(*raws, " "), joined)


def _parsed_or_none(code: str | None) -> str | None:
    try:
        return parse_period(code) if code else None
    except PeriodCodeError:
        return None


def _period(source: PeriodSource, batch: RawBatch) -> Coded:
    if source.parts:
        return _joined_parts(source, batch)
    raw = _raw(batch, source)

    def translate(text: str) -> str | None:
        code = source.translate(text)
        if code is None:
            return None
        mapped = text.strip() in source.codes or not text.strip()
        try:  # a code the mapping spells out itself may be in either style
            return parse_period(code, style="auto" if mapped else source.style)
        except PeriodCodeError:
            return None

    return Coded(source.column, raw, map_unique(raw, translate, pa.string()))


def _breakdown_text(column: str, batch: RawBatch) -> Coded:
    raw = batch.columns[column]

    def canonical(text: str) -> str | None:
        try:
            return canonical_breakdown(parse_breakdown(text))
        except BreakdownError:
            return None

    return Coded(column, raw, map_unique(raw, canonical, pa.string()))


def build_row_frame(batch: RawBatch, mapping: Mapping) -> RowFrame:
    """Translate the area, period and breakdown columns of one raw batch."""
    area = _code(mapping.area, batch)
    skipped = map_unique(area.code, mapping.skip_areas.skips, pa.bool_())
    unwanted = filtered_out(batch, mapping.row_filter)  # the mapping's row_filter
    if unwanted is not None:
        skipped = pc.or_(pc.fill_null(skipped, False), unwanted)
    dims: dict[str, Coded] = {}
    if mapping.breakdown_column:
        dims["*"] = _breakdown_text(mapping.breakdown_column, batch)
        breakdown = dims["*"].code
        breakdown = pc.if_else(dims["*"].blank, TOTAL, breakdown)  # blank means the total
    elif mapping.breakdowns:
        dims = {dim: _code(spec, batch) for dim, spec in mapping.breakdowns.items()}
        breakdown = breakdown_column({dim: coded.code for dim, coded in dims.items()})
    else:
        breakdown = constant(TOTAL, batch.num_rows)
    return RowFrame(
        source_row=batch.source_row,
        area=area,
        period=_period(mapping.period, batch),
        dims=dims,
        breakdown=breakdown,
        skipped=pc.fill_null(skipped, False),
        cells=batch.columns,
    )
