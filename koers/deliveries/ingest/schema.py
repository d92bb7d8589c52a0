"""The contract of the ingest output: canonical observation rows as an Arrow schema."""

from __future__ import annotations

import pyarrow as pa


def _field(name: str, type_: pa.DataType, doc: str, *, nullable: bool = False) -> pa.Field:
    return pa.field(name, type_, nullable=nullable, metadata={"doc": doc})


OBSERVATION_SCHEMA = pa.schema(
    [
        _field("source_row", pa.int64(), "1-based row in the original file; header is row 1."),
        _field("source_column", pa.string(), "Column of the original file the value came from."),
        _field("indicator", pa.string(), "Indicator code from the catalogue."),
        _field("area", pa.string(), "Koers area code, e.g. PV20 (padding removed)."),
        _field("period", pa.string(), "Period code: 2023, 2023-H1, 2023-Q4 or 2023-03."),
        _field("breakdown", pa.string(), "Canonical breakdown: _T, or sorted dim=code parts."),
        _field("value_kind", pa.string(), "realisation, target or forecast."),
        _field(
            "value",
            pa.float64(),
            "The number after the unit multiplier; NULL if none.",
            nullable=True,
        ),
        _field("status", pa.string(), "normal, estimated, provisional, missing or confidential."),
        _field("raw_value", pa.string(), "The cell as delivered, untrimmed."),
    ]
)

VALUE_KINDS = ("realisation", "target", "forecast")
STATUSES = ("normal", "estimated", "provisional", "missing", "confidential")

# Words a steward may type in the template (Dutch first), and SDMX OBS_STATUS letters.
VALUE_KIND_WORDS = {
    "realisatie": "realisation",
    "gerealiseerd": "realisation",
    "realisation": "realisation",
    "doel": "target",
    "streefwaarde": "target",
    "target": "target",
    "prognose": "forecast",
    "verwachting": "forecast",
    "forecast": "forecast",
}
STATUS_WORDS = {
    "normaal": "normal",
    "definitief": "normal",
    "normal": "normal",
    "a": "normal",
    "geschat": "estimated",
    "schatting": "estimated",
    "estimated": "estimated",
    "e": "estimated",
    "voorlopig": "provisional",
    "provisional": "provisional",
    "p": "provisional",
    "ontbrekend": "missing",
    "onbekend": "missing",
    "missing": "missing",
    "m": "missing",
    "vertrouwelijk": "confidential",
    "geheim": "confidential",
    "confidential": "confidential",
    "c": "confidential",
}
