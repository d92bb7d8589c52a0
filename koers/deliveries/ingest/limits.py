"""Bounds on a delivered file, checked before a reader allocates anything for it.

A hostile or broken file (a 5 KB workbook that claims a million-by-16k sheet, a zip
bomb, JSON nested 50,000 deep, a 1 MB header) must end in a validation error with a
stable code, never in a crash or a worker running out of memory. The Django side builds
`IngestLimits` from settings (`koers/deliveries/context.py`); this library never reads
settings itself. The checks that raise `LimitExceeded` are in limit_checks.py.
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class IngestLimits:
    """The largest file, sheet and cell this import accepts (defaults: docs/settings.md)."""

    max_file_bytes: int = 500 * MB
    max_cells: int = 50_000_000
    max_columns: int = 1_000
    max_cell_chars: int = 10_000
    max_xlsx_ratio: float = 100.0  # uncompressed / compressed size of a workbook member
    max_xlsx_expanded_bytes: int = 1024 * MB  # all workbook members together, uncompressed
    max_json_depth: int = 20


DEFAULT_LIMITS = IngestLimits()
