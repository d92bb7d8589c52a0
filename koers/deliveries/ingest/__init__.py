"""The delivery ingest pipeline: readers, mappings, periods, validation and the report.

A plain library (no Django): `read_delivery(path, mapping, context)` streams canonical
observation batches (OBSERVATION_SCHEMA) and fills `ingest.report` along the way.
"""

from koers.deliveries.ingest.breakdown import TOTAL, canonical_breakdown, parse_breakdown
from koers.deliveries.ingest.errors import (
    BreakdownError,
    IngestError,
    MappingError,
    NoMappingError,
    PeriodCodeError,
    UnreadableFileError,
    UnsupportedFormatError,
)
from koers.deliveries.ingest.mapping import Mapping
from koers.deliveries.ingest.mapping_loader import load_mapping, mapping_from_dict
from koers.deliveries.ingest.periods import parse_period, periodicity, previous_period
from koers.deliveries.ingest.pipeline import Ingest, read_delivery
from koers.deliveries.ingest.readers import register_reader
from koers.deliveries.ingest.report import ValidationReport
from koers.deliveries.ingest.schema import OBSERVATION_SCHEMA, STATUSES, VALUE_KINDS
from koers.deliveries.ingest.shipped import find_shipped_mapping, shipped_mappings
from koers.deliveries.ingest.template import (
    TEMPLATE_COLUMNS,
    TEMPLATE_MAPPING,
    is_template,
    template_mapping_for,
)
from koers.deliveries.ingest.validation.catalogue_specs import specs_from_catalogue
from koers.deliveries.ingest.validation.context import IndicatorSpec, ValidationContext
from koers.deliveries.ingest.validation.errors import ERROR_TYPES, ValidationError

__all__ = [
    "ERROR_TYPES",
    "OBSERVATION_SCHEMA",
    "STATUSES",
    "TEMPLATE_COLUMNS",
    "TEMPLATE_MAPPING",
    "TOTAL",
    "VALUE_KINDS",
    "BreakdownError",
    "IndicatorSpec",
    "Ingest",
    "IngestError",
    "Mapping",
    "MappingError",
    "NoMappingError",
    "PeriodCodeError",
    "UnreadableFileError",
    "UnsupportedFormatError",
    "ValidationContext",
    "ValidationError",
    "ValidationReport",
    "canonical_breakdown",
    "find_shipped_mapping",
    "is_template",
    "load_mapping",
    "mapping_from_dict",
    "parse_breakdown",
    "parse_period",
    "periodicity",
    "previous_period",
    "read_delivery",
    "register_reader",
    "shipped_mappings",
    "specs_from_catalogue",
    "template_mapping_for",
]
