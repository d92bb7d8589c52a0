"""The engine's inputs, read from the database as Arrow tables."""

from __future__ import annotations

import json
import subprocess
import sys
from urllib.parse import quote, urlencode

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
from django.db import connection

from koers.areas.models import Area, AreaLink
from koers.deliveries.models import Delivery, Observation
from koers.engine.rules import IndicatorRules
from koers.engine.schema import AREA_LINKS, AREAS, OBSERVATIONS
from koers.indicators.models import Indicator


class ReadError(Exception):
    """The columnar read of the published observations failed."""

    code = "read_failed"


_OBS = Observation._meta.db_table
_DELIVERY = Delivery._meta.db_table

#: The published state: rows of published deliveries that nothing has superseded. Codes
#: and file names are not joined in SQL: ids travel as integers and are mapped to codes
#: in Arrow (a few hundred indicators and areas), so the database only scans and filters.
_PUBLISHED_SQL = f"""
SELECT o.id, o.indicator_id, o.area_id, o.period, o.breakdown, o.value_kind, o.value,
       o.status, o.version, o.delivery_id, o.source_row
FROM {_OBS} o
WHERE o.superseded_at IS NULL
  AND o.delivery_id IN (SELECT id FROM {_DELIVERY} WHERE status = 'published')
  {{indicator_filter}}
"""  # noqa: S608 - table names are ours; values are parameters

PUBLISHED = ("published",)
_COLUMNS = [
    "obs_id", "indicator_id", "area_id", "period", "breakdown", "value_kind", "value",
    "status", "version", "delivery_id", "source_row",
]  # fmt: skip
_TYPES = {
    "obs_id": pa.int64(), "indicator_id": pa.int64(), "area_id": pa.int64(),
    "period": pa.string(), "breakdown": pa.string(), "value_kind": pa.string(),
    "value": pa.float64(), "status": pa.string(), "version": pa.int32(),
    "delivery_id": pa.int64(), "source_row": pa.int64(),
}  # fmt: skip


def observations(*, indicators: list[str] | None = None, statuses=PUBLISHED) -> pa.Table:
    """The published observations (current versions only) in the engine's schema.

    Rows travel as Arrow, never as Python tuples: PostgreSQL sends them with
    ``COPY … TO STDOUT`` on Django's own connection, SQLite through ADBC's columnar reader.
    """
    if tuple(statuses) != PUBLISHED:
        raise ValueError("only the published state can be read; drafts have no current version")
    sql, params = published_query(indicators=indicators)
    if connection.in_atomic_block:
        # A second connection cannot see this transaction's own uncommitted rows.
        read = _read_postgres_copy if connection.vendor == "postgresql" else _read_rows
    else:
        read = _read_postgres_adbc if connection.vendor == "postgresql" else _read_sqlite
    table = read(sql, params)
    return _with_codes(table.rename_columns(_COLUMNS))


def published_query(*, indicators: list[str] | None = None) -> tuple[str, list]:
    """The SQL (``%s`` placeholders) and parameters of :func:`observations`."""
    if indicators is None:
        return _PUBLISHED_SQL.format(indicator_filter=""), []
    ids = list(Indicator.objects.filter(code__in=indicators).values_list("id", flat=True))
    marks = ", ".join(["%s"] * len(ids)) or "NULL"
    return _PUBLISHED_SQL.format(indicator_filter=f"AND o.indicator_id IN ({marks})"), ids


def _with_codes(table: pa.Table) -> pa.Table:
    """Replace ids by codes and add each row's file name, in the OBSERVATIONS schema."""
    delivery_ids = pc.unique(table.column("delivery_id")).to_pylist()
    files = Delivery.objects.filter(pk__in=delivery_ids).values_list("pk", "file__name")
    lookups = {
        "indicator": (table.column("indicator_id"), Indicator.objects.values_list("pk", "code")),
        "area": (table.column("area_id"), Area.objects.values_list("pk", "code")),
        "source_file": (table.column("delivery_id"), files),
    }
    mapped = {name: _map(ids, list(pairs)) for name, (ids, pairs) in lookups.items()}
    return pa.Table.from_arrays(
        [
            mapped[f.name] if f.name in mapped else table.column(f.name).cast(f.type)
            for f in OBSERVATIONS
        ],
        schema=OBSERVATIONS,
    )


def _map(ids: pa.ChunkedArray, pairs: list[tuple[int, str]]) -> pa.ChunkedArray:
    keys = pa.array([key for key, _ in pairs], pa.int64())
    values = pa.array([value for _, value in pairs], pa.string())
    return values.take(pc.index_in(ids.cast(pa.int64()), value_set=keys))


def _read_postgres_adbc(sql: str, params: list) -> pa.Table:
    """ADBC decodes PostgreSQL's binary COPY in C, on a second connection."""
    import adbc_driver_postgresql.dbapi

    with adbc_driver_postgresql.dbapi.connect(_postgres_uri()) as adbc, adbc.cursor() as cursor:
        cursor.execute(_numbered(sql), params or None)
        return cursor.fetch_arrow_table()


def _numbered(sql: str) -> str:
    """``%s`` placeholders as the ``$1, $2, …`` that libpq's prepared statements want."""
    parts = sql.split("%s")
    return "".join(f"{part}${n}" for n, part in enumerate(parts[:-1], 1)) + parts[-1]


def _postgres_uri() -> str:
    db = connection.settings_dict
    password = f":{quote(db['PASSWORD'], safe='')}" if db.get("PASSWORD") else ""
    user = quote(db.get("USER") or "", safe="")
    host = f"{db.get('HOST') or 'localhost'}:{db.get('PORT') or 5432}"
    query = urlencode({k: v for k, v in db.get("OPTIONS", {}).items() if k == "sslmode"})
    return f"postgresql://{user}{password}@{host}/{quote(db['NAME'])}" + (
        f"?{query}" if query else ""
    )


def _read_postgres_copy(sql: str, params: list) -> pa.Table:
    """COPY as CSV on Django's connection (so it sees the open transaction), parsed by Arrow."""
    chunks: list[bytes] = []
    with connection.cursor() as cursor:
        copy_sql = cursor.cursor.mogrify(sql, params)
        with cursor.cursor.copy(f"COPY ({copy_sql}) TO STDOUT (FORMAT csv)") as copy:
            chunks.extend(bytes(chunk) for chunk in copy)
    if not any(chunks):
        return pa.schema([(name, _TYPES[name]) for name in _COLUMNS]).empty_table()
    # Unquoted empty fields are NULL; an empty string is written quoted (""). No column
    # holds a line break (codes are validated), so Arrow may split the text in parallel.
    return pa_csv.read_csv(
        pa.BufferReader(b"".join(chunks)),
        read_options=pa_csv.ReadOptions(column_names=_COLUMNS, block_size=1 << 24),
        convert_options=pa_csv.ConvertOptions(
            column_types=_TYPES,
            strings_can_be_null=True,
            quoted_strings_can_be_null=False,
            null_values=[""],
        ),
    )


def _read_sqlite(sql: str, params: list) -> pa.Table:
    """ADBC builds the Arrow columns in C, in a child process (see sqlite_reader.py)."""
    request = json.dumps({"sql": sql.replace("%s", "?"), "params": params})
    database = str(connection.settings_dict["NAME"])
    result = subprocess.run(
        [sys.executable, "-m", "koers.analytics.sqlite_reader", database],
        input=request.encode(),
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        raise ReadError(f"reading the observations failed: {result.stderr.decode()[-500:]}")
    return pa.ipc.open_stream(result.stdout).read_all()


def _read_rows(sql: str, params: list) -> pa.Table:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    columns = list(zip(*rows, strict=True)) if rows else [[] for _ in _COLUMNS]
    return pa.table(
        {name: pa.array(col, _TYPES[name]) for name, col in zip(_COLUMNS, columns, strict=True)}
    )


def areas() -> pa.Table:
    rows = list(Area.objects.values_list("code", "type"))
    return pa.table({"code": [c for c, _ in rows], "type": [t for _, t in rows]}, schema=AREAS)


def links() -> pa.Table:
    rows = list(
        AreaLink.objects.values_list(
            "child__code", "parent__code", "hierarchy", "valid_from", "valid_to"
        )
    )
    names = [f.name for f in AREA_LINKS]
    return pa.table(
        {name: [row[i] for row in rows] for i, name in enumerate(names)}, schema=AREA_LINKS
    )


def rules() -> dict[str, IndicatorRules]:
    """Every indicator's aggregation rules, as the engine wants them."""
    out = {}
    for ind in Indicator.objects.select_related("numerator", "denominator", "weight"):
        out[ind.code] = IndicatorRules(
            code=ind.code,
            area_rule=ind.area_rule,
            time_rule=ind.time_rule,
            periodicity=ind.periodicity,
            numerator=ind.numerator.code if ind.numerator else None,
            denominator=ind.denominator.code if ind.denominator else None,
            weight=ind.weight.code if ind.weight else None,
            scale=ind.scale,
            formula=ind.formula or None,
            formula_stage=ind.formula_stage,
            zero_significant=ind.zero_significant,
            decimals=ind.decimals,
            tolerance_abs=ind.tolerance_abs,
            tolerance_rel=ind.tolerance_rel,
        )
    return out
