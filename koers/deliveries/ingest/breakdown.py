"""Canonical breakdown strings: `_T` for the total, else sorted `dim=code` parts joined by `;`.

The canonical form is the engine's (`koers.engine.breakdown`), so both sides agree on
keys. Parsing here is lenient (blank means total, any order), as delivered files need; the
vectorised `breakdown_column` builds the string for a whole batch at once.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

import pyarrow as pa
import pyarrow.compute as pc

from koers.deliveries.ingest.errors import BreakdownError
from koers.engine import breakdown as engine_breakdown
from koers.engine.breakdown import RESERVED, TOTAL

__all__ = ["RESERVED", "TOTAL", "breakdown_column", "canonical_breakdown", "parse_breakdown"]


@contextmanager
def _our_error() -> Iterator[None]:
    """The engine's rules, raising this library's error class."""
    try:
        yield
    except engine_breakdown.BreakdownError as exc:
        raise BreakdownError(exc.message, **exc.context) from None


def _check(part: str, what: str) -> str:
    with _our_error():
        return engine_breakdown.check_part(part, what)


def canonical_breakdown(parts: Mapping[str, str]) -> str:
    """`{"Geslacht": "3000", "Leeftijd": "_T"}` -> `Geslacht=3000`; no real dims -> `_T`."""
    with _our_error():
        return engine_breakdown.canonical_breakdown(parts)


def parse_breakdown(breakdown: str) -> dict[str, str]:
    """Inverse of canonical_breakdown; a blank string is the total. Raises BreakdownError."""
    text = breakdown.strip()
    if text in ("", TOTAL):
        return {}
    parts: dict[str, str] = {}
    for part in text.split(";"):
        dim, sep, code = part.partition("=")
        if not sep:
            raise BreakdownError(f"breakdown part {part!r} has no '='", breakdown=breakdown)
        dim = _check(dim, "dimension")
        if dim in parts:
            raise BreakdownError(f"dimension {dim!r} appears twice", breakdown=breakdown)
        parts[dim] = _check(code, "code")
    return parts


def breakdown_column(codes_by_dim: Mapping[str, pa.Array]) -> pa.Array:
    """Per-row canonical breakdown from one (already translated) code array per dimension."""
    if not codes_by_dim:
        raise ValueError("breakdown_column needs at least one dimension")
    parts, unknown = [], None
    for dim in sorted(codes_by_dim):
        codes = codes_by_dim[dim]
        labelled = pc.binary_join_element_wise(f"{dim}=", codes, "")
        parts.append(pc.if_else(pc.equal(codes, TOTAL), "", pc.fill_null(labelled, "")))
        unknown = pc.is_null(codes) if unknown is None else pc.or_(unknown, pc.is_null(codes))
    # null_handling="skip" drops all-null rows in pyarrow 26, so join blanks and tidy up
    joined = parts[0]
    if len(parts) > 1:
        joined = pc.binary_join_element_wise(*parts, ";")
        joined = pc.utf8_trim(pc.replace_substring_regex(joined, ";;+", ";"), ";")
    canonical = pc.if_else(pc.equal(joined, ""), TOTAL, joined)
    return pc.if_else(unknown, pa.scalar(None, pa.string()), canonical)
