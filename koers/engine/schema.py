"""The engine's input and output contracts as Arrow schemas, one documented field per column."""

from __future__ import annotations

import pyarrow as pa

from koers.engine.errors import SchemaError


def _field(name: str, type_: pa.DataType, doc: str, *, nullable: bool = False) -> pa.Field:
    return pa.field(name, type_, nullable=nullable, metadata={"doc": doc})


OBSERVATIONS = pa.schema(
    [
        _field("obs_id", pa.int64(), "Id of this observation version (stable, unique)."),
        _field("indicator", pa.string(), "Indicator code, e.g. OpgesteldVermogenEindeJaar_9."),
        _field("area", pa.string(), "Area code (CBS statcode without padding), e.g. PV20."),
        _field("period", pa.string(), "Period code: 2023, 2023-H1, 2023-Q4 or 2023-03."),
        _field("breakdown", pa.string(), "Canonical breakdown: _T, or dim=code parts joined by ;"),
        _field("value_kind", pa.string(), "realisation, target or forecast."),
        _field("value", pa.float64(), "The number; NULL means missing.", nullable=True),
        _field("status", pa.string(), "normal, estimated, provisional, missing or confidential."),
        _field("version", pa.int32(), "Version number; only the current version is passed in."),
        _field("delivery_id", pa.int64(), "Submission that delivered it.", nullable=True),
        _field("source_file", pa.string(), "File the value came from.", nullable=True),
        _field("source_row", pa.int64(), "Row in that file.", nullable=True),
    ]
)

AREAS = pa.schema(
    [
        _field("code", pa.string(), "Area code, e.g. PV20, NL01, PV99."),
        _field(
            "type",
            pa.string(),
            "land, provincie, gebied, res_regio, gemeente or unallocated.",
        ),
    ]
)

AREA_LINKS = pa.schema(
    [
        _field("child", pa.string(), "Child area code."),
        _field("parent", pa.string(), "Parent area code."),
        _field("hierarchy", pa.string(), "Hierarchy name, e.g. bestuurlijk or res."),
        _field(
            "valid_from", pa.date32(), "First day the link holds (NULL: always).", nullable=True
        ),
        _field(
            "valid_to",
            pa.date32(),
            "First day the link no longer holds, exclusive (NULL: open).",
            nullable=True,
        ),
    ]
)

AGGREGATES = pa.schema(
    [
        _field("indicator", pa.string(), "Indicator code."),
        _field(
            "hierarchy",
            pa.string(),
            "Hierarchy the computed value was built in; NULL for areas that are no parent.",
            nullable=True,
        ),
        _field("area", pa.string(), "Area code."),
        _field("level", pa.string(), "Area type of the area (NULL if unknown).", nullable=True),
        _field("period", pa.string(), "Period code; windows are written 2015/2020."),
        _field(
            "period_type",
            pa.string(),
            "year, half_year, quarter, month, window, financial_year, academic_year or schadejaar.",
        ),
        _field("breakdown", pa.string(), "Canonical breakdown, _T for the total."),
        _field("value_kind", pa.string(), "realisation, target or forecast."),
        _field(
            "value",
            pa.float64(),
            "Published value: reported if present, else computed.",
            nullable=True,
        ),
        _field(
            "computed_value",
            pa.float64(),
            "Value computed from children, sub-periods or components.",
            nullable=True,
        ),
        _field(
            "reported_value", pa.float64(), "Value observed for exactly this key.", nullable=True
        ),
        _field("difference", pa.float64(), "computed_value - reported_value.", nullable=True),
        _field("tolerance", pa.float64(), "Allowed absolute difference.", nullable=True),
        _field(
            "within_tolerance",
            pa.bool_(),
            "abs(difference) <= tolerance; NULL if not both.",
            nullable=True,
        ),
        _field(
            "unallocated_value",
            pa.float64(),
            "Part of the computed total from unallocated areas.",
            nullable=True,
        ),
        _field("coverage_count", pa.int32(), "Children (or sub-periods) that have a value."),
        _field("coverage_expected", pa.int32(), "Children (or sub-periods) expected."),
        _field("partial", pa.bool_(), "Coverage is short here or in a contributing value."),
        _field("status", pa.string(), "ok, partial or missing."),
        _field("missing_reason", pa.string(), "Why the value is missing or NULL.", nullable=True),
        _field("lineage_id", pa.string(), "Stable key of this aggregate; pass it to trace()."),
    ]
)

TRACE = pa.schema(
    [
        _field("role", pa.string(), "reported (the key itself), computed, component or weight."),
        _field("obs_id", pa.int64(), "Contributing observation.", nullable=True),
        _field("version", pa.int32(), "Its version.", nullable=True),
        _field("delivery_id", pa.int64(), "Its submission.", nullable=True),
        _field("source_file", pa.string(), "Its source file.", nullable=True),
        _field("source_row", pa.int64(), "Its row in the source file.", nullable=True),
        _field("indicator", pa.string(), "Its indicator (a component for derived values)."),
        _field("area", pa.string(), "Its area."),
        _field("period", pa.string(), "Its period."),
        _field("breakdown", pa.string(), "Its breakdown."),
        _field("value", pa.float64(), "Its value.", nullable=True),
    ]
)


def require_columns(table: pa.Table, schema: pa.Schema, name: str) -> None:
    """Raise SchemaError naming the table and every missing column."""
    missing = [f.name for f in schema if f.name not in table.column_names]
    if missing:
        raise SchemaError(
            f"{name} is missing column(s): {', '.join(missing)}", table=name, columns=missing
        )


def empty(schema: pa.Schema) -> pa.Table:
    return schema.empty_table()
