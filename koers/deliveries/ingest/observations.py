"""Unpivot: one value column of the kept rows becomes a segment of observation rows.

A segment carries the output columns plus the raw texts the observation checks need
(`_indicator_raw`, `_value_kind_raw`, `_status_raw`, `_bad_number`); `finalise` drops
those again. One file feeds many indicators: each value column is its own segment.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

from koers.deliveries.ingest.codes import constant, map_unique
from koers.deliveries.ingest.mapping import Mapping, ValueColumn
from koers.deliveries.ingest.readers import RawBatch
from koers.deliveries.ingest.rows import RowFrame
from koers.deliveries.ingest.schema import OBSERVATION_SCHEMA, STATUS_WORDS, VALUE_KIND_WORDS
from koers.deliveries.ingest.values import parse_values


@dataclass(frozen=True)
class Segment:
    """Observations from one value column, with the spec that says which columns fed them."""

    spec: ValueColumn
    batch: pa.RecordBatch

    def column(self, name: str) -> pa.Array:
        return self.batch.column(name)


def _word(words: dict[str, str], default: str | None):
    def translate(text: str) -> str | None:
        key = text.strip().lower()
        return words.get(key) if key else default

    return translate


def _column_or(raw: RawBatch, name: str | None, rows: pa.Array) -> pa.Array:
    return raw.columns[name].take(rows) if name else constant("", len(rows))


def build_segment(
    frame: RowFrame, raw: RawBatch, rows: pa.Array, spec: ValueColumn, mapping: Mapping
) -> Segment:
    """Observations for value column `spec` at row positions `rows` of the batch."""
    n = len(rows)
    raw_value = raw.columns[spec.column].take(rows)
    parsed = parse_values(
        raw_value,
        decimal=mapping.format.decimal,
        special=mapping.special_values,
        multiplier=spec.multiplier,
    )
    indicator_raw = _column_or(raw, spec.indicator_column, rows)
    if spec.indicator_column:
        codes = spec.indicator_codes  # e.g. Open SDG's "Series" text -> catalogue code

        def code_of(text: str) -> str | None:
            return codes.get(text.strip(), text.strip()) or None

        indicator = map_unique(indicator_raw, code_of, pa.string())
    else:
        indicator = constant(spec.indicator, n)
    kind_raw = _column_or(raw, spec.value_kind_column, rows)
    kind = map_unique(kind_raw, _word(VALUE_KIND_WORDS, spec.value_kind), pa.string())
    status_raw = _column_or(raw, spec.status_column, rows)
    status = parsed.status
    if spec.status_column:
        given = map_unique(status_raw, _word(STATUS_WORDS, None), pa.string())
        blank_but_confidential = pc.and_(
            pc.equal(status, "missing"), pc.fill_null(pc.equal(given, "confidential"), False)
        )
        status = pc.if_else(pc.equal(status, "normal"), pc.coalesce(given, "normal"), status)
        status = pc.if_else(blank_but_confidential, "confidential", status)
    arrays = {
        "source_row": frame.source_row.take(rows),
        "source_column": constant(spec.column, n),
        "indicator": indicator,
        "area": frame.area.code.take(rows),
        "period": frame.period.code.take(rows),
        "breakdown": frame.breakdown.take(rows),
        "value_kind": kind,
        "value": parsed.value,
        "status": status,
        "raw_value": raw_value,
        "_indicator_raw": indicator_raw,
        "_value_kind_raw": kind_raw,
        "_status_raw": status_raw,
        "_bad_number": parsed.bad,
    }
    return Segment(spec, pa.RecordBatch.from_arrays(list(arrays.values()), names=list(arrays)))


def finalise(segment: Segment, failed: pa.Array | None) -> pa.RecordBatch:
    """The segment's observations without failed rows, in the output schema."""
    batch = segment.batch if failed is None else segment.batch.filter(pc.invert(failed))
    arrays = [batch.column(field.name) for field in OBSERVATION_SCHEMA]
    return pa.RecordBatch.from_arrays(arrays, schema=OBSERVATION_SCHEMA)
