"""Canonical breakdown strings: `_T` for the total, else sorted `dim=code` parts joined by `;`."""

from __future__ import annotations

from collections.abc import Mapping

from koers.engine.errors import BreakdownError

TOTAL = "_T"
RESERVED = frozenset("=;|")


def check_part(part: str, what: str) -> str:
    """A dimension or code, stripped; raises BreakdownError if blank or using RESERVED."""
    part = part.strip()
    if not part or RESERVED & set(part):
        raise BreakdownError(f"invalid breakdown {what} {part!r}", part=part)
    return part


def canonical_breakdown(mapping: Mapping[str, str]) -> str:
    """`{"Geslacht": "3000", "Leeftijd": "_T"}` -> `Geslacht=3000`; no real dims -> `_T`."""
    parts = {}
    for dim, code in mapping.items():
        dim, code = check_part(dim, "dimension"), check_part(code, "code")
        if code != TOTAL:
            parts[dim] = code
    if not parts:
        return TOTAL
    return ";".join(f"{dim}={parts[dim]}" for dim in sorted(parts))


def parse_breakdown(breakdown: str) -> dict[str, str]:
    """Inverse of canonical_breakdown; rejects strings that are not canonical."""
    if breakdown == TOTAL:
        return {}
    mapping: dict[str, str] = {}
    for part in breakdown.split(";"):
        dim, sep, code = part.partition("=")
        if not sep:
            raise BreakdownError(f"breakdown part {part!r} has no '='", breakdown=breakdown)
        mapping[check_part(dim, "dimension")] = check_part(code, "code")
    if canonical_breakdown(mapping) != breakdown:
        raise BreakdownError(f"breakdown {breakdown!r} is not canonical", breakdown=breakdown)
    return mapping


def parent_breakdowns(breakdown: str) -> list[tuple[str, str]]:
    """(dimension, total breakdown) pairs this breakdown is a part of, one per dimension."""
    mapping = parse_breakdown(breakdown)
    out = []
    for dim in mapping:
        rest = {d: c for d, c in mapping.items() if d != dim}
        out.append((dim, canonical_breakdown(rest)))
    return out
