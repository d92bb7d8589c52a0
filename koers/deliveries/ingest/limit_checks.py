"""The limit checks: each raises LimitExceeded, which the pipeline reports as the rule's
validation error (file_too_large, too_many_columns, too_many_cells, ...)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from koers.deliveries.ingest.errors import IngestError
from koers.deliveries.ingest.limits import MB, IngestLimits
from koers.deliveries.ingest.validation.errors import ValidationError
from koers.deliveries.ingest.validation.rules import FileTooLarge, TooManyCells, TooManyColumns

__all__ = ["MB", "LimitExceeded", "check_cells", "check_columns", "check_file_size", "megabytes"]


class LimitExceeded(IngestError):
    """A file breaks one of the limits; the pipeline turns it into a validation error."""

    code = "limit_exceeded"
    title = "File exceeds a limit"

    def __init__(
        self,
        rule: type[ValidationError],
        *,
        row: int | None = None,
        column: str | None = None,
        value: str | None = None,
        **params: Any,
    ) -> None:
        super().__init__(f"{rule.code}: {params}", rule=rule.code)
        self.rule = rule
        self.row = row
        self.column = column
        self.value = value
        self.params: dict[str, Any] = params

    def error(self, file: str) -> ValidationError:
        return self.rule(
            file=file, row=self.row, column=self.column, value=self.value, params=self.params
        )


def megabytes(size: float) -> str:
    """A size for messages: '4.7' (MB, one decimal)."""
    return f"{size / MB:.1f}"


def check_file_size(path: Path, limits: IngestLimits) -> None:
    """Raises LimitExceeded when the file is larger than `max_file_bytes`."""
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise LimitExceeded(
            FileTooLarge, size_mb=megabytes(size), limit_mb=megabytes(limits.max_file_bytes)
        )


def check_columns(count: int, limits: IngestLimits) -> None:
    """Raises LimitExceeded when a header has more than `max_columns` columns."""
    if count > limits.max_columns:
        raise LimitExceeded(TooManyColumns, row=1, actual=count, limit=limits.max_columns)


def check_cells(count: int, limits: IngestLimits, *, row: int | None = None) -> None:
    """Raises LimitExceeded when a file has (or will have) more than `max_cells` cells."""
    if count > limits.max_cells:
        raise LimitExceeded(TooManyCells, row=row, size=count, limit=limits.max_cells)
