"""Validation of deliveries, frictionless-style: checks yield typed errors into a report."""

from koers.deliveries.ingest.validation import rules  # noqa: F401  (fills ERROR_TYPES)
from koers.deliveries.ingest.validation.context import (
    HistoryLookup,
    IndicatorSpec,
    ValidationContext,
)
from koers.deliveries.ingest.validation.errors import (
    ERROR_TYPES,
    ValidationError,
    ValidationWarning,
)

__all__ = [
    "ERROR_TYPES",
    "HistoryLookup",
    "IndicatorSpec",
    "ValidationContext",
    "ValidationError",
    "ValidationWarning",
]
