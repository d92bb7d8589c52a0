"""Exceptions of the ingest library: classes with stable codes, never bare strings.

Problems *in a delivered file* are not exceptions: they are validation errors collected in
a `ValidationReport` (see `koers.deliveries.ingest.validation.errors`). The exceptions
below are for problems the caller must fix before a file can be read at all.
"""

from __future__ import annotations

from koers.errors import KoersError


class IngestError(KoersError):
    """Base class of this library's errors; `code` is stable."""

    code = "ingest_error"
    title = "Delivery cannot be read"


class MappingError(IngestError):
    """A mapping file is invalid; names the file and the offending key."""

    code = "invalid_mapping"
    title = "Mapping file is invalid"

    def __init__(self, message: str, *, file: str, key: str) -> None:
        super().__init__(f"{file}: {key}: {message}", file=file, key=key)
        self.file = file
        self.key = key


class PeriodCodeError(IngestError):
    code = "invalid_period_code"
    title = "Period code cannot be parsed"

    def __init__(self, message: str, *, period: str) -> None:
        super().__init__(message, period=period)
        self.period = period


class BreakdownError(IngestError):
    code = "invalid_breakdown"
    title = "Breakdown is not canonical"


class NoMappingError(IngestError):
    code = "no_mapping"
    title = "No mapping for this file"


class UnsupportedFormatError(IngestError):
    code = "unsupported_format"
    title = "File format is not supported"


class UnreadableFileError(IngestError):
    """Raised by a reader mid-stream (bad encoding, broken zip); the report records it."""

    code = "unreadable_file"
    title = "File cannot be read"
