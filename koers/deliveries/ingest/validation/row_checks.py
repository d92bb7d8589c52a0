"""Checks on every source row: required codes, areas, scope, periods and breakdown codes.

Rows of areas that the mapping skips on purpose are never checked: they are dropped.
"""

from __future__ import annotations

from collections.abc import Iterator

import pyarrow as pa
import pyarrow.compute as pc

from koers.deliveries.ingest.codes import fill_false, map_unique
from koers.deliveries.ingest.rows import Coded, RowFrame
from koers.deliveries.ingest.validation.findings import CheckContext, Finding, RowCheck
from koers.deliveries.ingest.validation.rules import (
    AreaOutOfScope,
    CellTooLong,
    NulCharacter,
    RequiredValueMissing,
    UnknownArea,
    UnknownBreakdownCode,
    UnknownPeriodCode,
)
from koers.deliveries.ingest.validation.suggestions import suggestion_texts


def _checked(frame: RowFrame, mask: pa.Array) -> pa.Array:
    return pc.and_(pc.fill_null(mask, False), pc.invert(frame.skipped))


def _coded(frame: RowFrame) -> list[tuple[Coded, str]]:
    """Every translated code of the row with the name to show for its column."""
    named = [(frame.area, "gebied"), (frame.period, "periode")]
    return named + [(coded, dim) for dim, coded in frame.dims.items()]


class RequiredCodes:
    """Area, period and breakdown cells may not be blank unless the mapping gives a default."""

    def check(self, frame: RowFrame, context: CheckContext) -> Iterator[Finding]:
        for coded, name in _coded(frame):
            missing = pc.and_(coded.blank, pc.is_null(coded.code))
            yield Finding(RequiredValueMissing, _checked(frame, missing), coded.column or name, "")


class KnownAreas:
    """An area code must be known to Koers, or skipped explicitly by the mapping.

    A cell that cannot be a code at all (`=`, `;` or `|` in it) is unknown as well.
    """

    def check(self, frame: RowFrame, context: CheckContext) -> Iterator[Finding]:
        known = pa.array(sorted(context.validation.known_areas), pa.string())
        unknown = pc.and_(pc.is_valid(frame.area.code), pc.invert(pc.is_in(frame.area.code, known)))
        unknown = _checked(
            frame, pc.or_(fill_false(unknown), fill_false(frame.area.untranslatable))
        )
        params = {}
        if pc.any(unknown).as_py():  # 'PV52 is onbekend. Bedoelt u PV25?'
            codes = context.validation.known_areas
            raw = frame.area.raw
            params = {
                "suggestion_nl": map_unique(
                    raw, lambda c: suggestion_texts(c, codes)[0], pa.string()
                ),
                "suggestion_en": map_unique(
                    raw, lambda c: suggestion_texts(c, codes)[1], pa.string()
                ),
            }
        yield Finding(UnknownArea, unknown, frame.area.column, frame.area.raw, params)


class AreaScope:
    """A steward delivers only for the areas of their own province (None: no limit)."""

    def check(self, frame: RowFrame, context: CheckContext) -> Iterator[Finding]:
        allowed = context.validation.allowed_areas
        if allowed is None:
            return
        known = pa.array(sorted(context.validation.known_areas), pa.string())
        inside = pc.is_in(frame.area.code, pa.array(sorted(allowed), pa.string()))
        outside = pc.and_(pc.is_in(frame.area.code, known), pc.invert(inside))
        yield Finding(AreaOutOfScope, _checked(frame, outside), frame.area.column, frame.area.raw)


class PeriodCodes:
    """A period must parse as a canonical or CBS period code."""

    def check(self, frame: RowFrame, context: CheckContext) -> Iterator[Finding]:
        bad = frame.period.untranslatable
        yield Finding(
            UnknownPeriodCode, _checked(frame, bad), frame.period.column, frame.period.raw
        )


class BreakdownSyntax:
    """Breakdown codes cannot contain = ; or |, and a breakdown text must be canonical."""

    def check(self, frame: RowFrame, context: CheckContext) -> Iterator[Finding]:
        for dim, coded in frame.dims.items():
            bad = _checked(frame, coded.untranslatable)
            params = {"indicator": "*"}
            value = (
                coded.raw if dim == "*" else pc.binary_join_element_wise(f"{dim}=", coded.raw, "")
            )
            yield Finding(UnknownBreakdownCode, bad, coded.column or dim, value, params)


class CellContents:
    """No cell read holds a NUL byte (a database cannot store it) or is longer than the limit.

    Runs on every column the mapping reads, skipped rows included: a NUL is never stored.
    """

    def check(self, frame: RowFrame, context: CheckContext) -> Iterator[Finding]:
        limit = context.validation.limits.max_cell_chars
        for column, cells in frame.cells.items():
            nul = fill_false(pc.match_substring(cells, "\x00"))
            yield Finding(NulCharacter, nul, column, cells)
            length = pc.utf8_length(cells)
            too_long = fill_false(pc.greater(length, limit))
            params = {"length": length, "limit": limit}
            yield Finding(CellTooLong, too_long, column, cells, params)


ROW_CHECKS: tuple[RowCheck, ...] = (
    CellContents(),
    RequiredCodes(),
    KnownAreas(),
    AreaScope(),
    PeriodCodes(),
    BreakdownSyntax(),
)
