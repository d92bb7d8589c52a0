"""Findings: a rule's failures for a whole batch at once, as a mask plus per-row details.

Checks return findings instead of one object per bad row, so a clean million-row file
costs a few vectorised comparisons; the report turns findings into ValidationErrors,
keeping the exact count and at most `max_errors_per_rule` detailed errors.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

import pyarrow as pa
import pyarrow.compute as pc

from koers.deliveries.ingest.mapping import Mapping as DeliveryMapping
from koers.deliveries.ingest.validation.context import ValidationContext
from koers.deliveries.ingest.validation.errors import ValidationError


@dataclass(frozen=True)
class Finding:
    """Rows (mask positions) of one batch or segment that break `error`'s rule."""

    error: type[ValidationError]
    mask: pa.Array  # bool, True = fails; NULL is read as False
    column: str | pa.Array | None
    value: pa.Array | str | None
    params: Mapping[str, Any] = field(default_factory=dict)  # scalars or per-row arrays

    def positions(self) -> pa.Array:
        return pc.indices_nonzero(pc.fill_null(self.mask, False))

    def count(self) -> int:
        return int(pc.sum(pc.fill_null(self.mask, False)).as_py() or 0)


@dataclass(frozen=True)
class CheckContext:
    """What every check may read: the caller's context, the mapping and the file name."""

    validation: ValidationContext
    mapping: DeliveryMapping
    file: str


class RowCheck(Protocol):
    """Checks one RowFrame (area, period, breakdown per source row)."""

    def check(self, frame: Any, context: CheckContext) -> Iterator[Finding]: ...


class ObservationCheck(Protocol):
    """Checks one Segment (the observations of one value column)."""

    def check(self, segment: Any, context: CheckContext) -> Iterator[Finding]: ...


def combined_failures(findings: list[Finding], length: int) -> pa.Array | None:
    """OR of the findings' masks; None when nothing failed."""
    failed = None
    for finding in findings:
        mask = pc.fill_null(finding.mask, False)
        failed = mask if failed is None else pc.or_(failed, mask)
    if failed is None or not pc.any(failed).as_py():
        return None
    assert len(failed) == length
    return failed
