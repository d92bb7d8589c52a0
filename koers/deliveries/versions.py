"""Observation versions: diff incoming values against the current ones, append, supersede.

Values are never updated in place. A changed value is a new row with the next version
number; the row it replaces only gets its ``superseded_at`` stamped.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from itertools import repeat

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from django.db import connection
from django.utils import timezone

from koers.deliveries.models import Observation

KEY = ["indicator_id", "area_id", "period", "breakdown", "value_kind"]
TABLE = Observation._meta.db_table
INSERT_COLUMNS = [
    "indicator_id", "area_id", "period", "breakdown", "value_kind", "value", "status",
    "version", "delivery_id", "source_row", "source_column", "recorded_at",
]  # fmt: skip
_STORED_COLUMNS = [*INSERT_COLUMNS[:8], "source_row", "source_column"]
CURRENT_SCHEMA = pa.schema(
    [
        ("indicator_id", pa.int64()),
        ("area_id", pa.int64()),
        ("period", pa.string()),
        ("breakdown", pa.string()),
        ("value_kind", pa.string()),
        ("cur_id", pa.int64()),
        ("cur_version", pa.int64()),
        ("cur_value", pa.float64()),
        ("cur_status", pa.string()),
    ]
)


def current_for_indicator(indicator_id: int) -> pa.Table:
    """The current (not superseded) version of every observation of one indicator."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT indicator_id, area_id, period, breakdown, value_kind, id, version, value,"  # noqa: S608
            f" status FROM {TABLE} WHERE indicator_id = %s AND superseded_at IS NULL",
            [indicator_id],
        )
        rows = cursor.fetchall()
    columns = list(zip(*rows, strict=True)) if rows else [[] for _ in CURRENT_SCHEMA]
    return pa.table(
        [pa.array(col, type=f.type) for col, f in zip(columns, CURRENT_SCHEMA, strict=True)],
        schema=CURRENT_SCHEMA,
    )


def diff(incoming: pa.Table, current: pa.Table) -> tuple[pa.Table, list[int]]:
    """Rows of ``incoming`` that are new or changed, with their version; superseded ids."""
    if current.num_rows == 0:
        versions = pa.array([1] * incoming.num_rows, pa.int64())
        return incoming.append_column("version", versions), []
    joined = incoming.join(current, keys=KEY, join_type="left outer")
    is_new = pc.is_null(joined["cur_id"])
    same_value = pc.or_(
        pc.fill_null(pc.equal(joined["value"], joined["cur_value"]), False),
        pc.and_(pc.is_null(joined["value"]), pc.is_null(joined["cur_value"])),
    )
    unchanged = pc.and_(
        pc.invert(is_new),
        pc.and_(same_value, pc.fill_null(pc.equal(joined["status"], joined["cur_status"]), False)),
    )
    keep = joined.filter(pc.invert(unchanged))
    version = pc.add(pc.fill_null(keep["cur_version"], 0), 1)
    superseded = pc.drop_null(keep["cur_id"]).to_pylist()
    keep = keep.drop_columns([c for c in CURRENT_SCHEMA.names if c.startswith("cur_")])
    return keep.append_column("version", version), superseded


def _db_time(moment: datetime):
    if connection.vendor == "sqlite":
        return moment.astimezone(UTC).replace(tzinfo=None).isoformat(" ")
    return moment


def _driver_values(column: pa.ChunkedArray | pa.Array) -> Iterable:
    """One column as the Python values the database driver binds, built the cheap way.

    Code columns repeat a few values: sharing one str per distinct value (one repeated
    object when constant) saves building a new str per row; numbers go through numpy.
    """
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks()
    if column.null_count:
        return column.to_pylist()
    if pa.types.is_string(column.type):
        encoded = pc.dictionary_encode(column)
        distinct = np.array(encoded.dictionary.to_pylist(), dtype=object)
        if len(distinct) == 1:
            return repeat(distinct[0], len(column))
        return distinct[encoded.indices.to_numpy()].tolist()
    return column.to_numpy().tolist()


def insert(rows: pa.Table, *, delivery_id: int, recorded_at: datetime) -> int:
    """Append observation rows in bulk (COPY on PostgreSQL, executemany on SQLite)."""
    if rows.num_rows == 0:
        return 0
    stamp = _db_time(recorded_at)
    # In key order, the unique index grows by appending rather than by random page splits.
    order = pc.sort_indices(rows, sort_keys=[(name, "ascending") for name in KEY])
    rows = rows.select(_STORED_COLUMNS).take(order)  # only the columns that are stored
    n = rows.num_rows
    tuples = zip(
        *(_driver_values(rows[name]) for name in INSERT_COLUMNS[:8]),
        repeat(delivery_id, n),
        _driver_values(rows["source_row"]),
        _driver_values(rows["source_column"]),
        repeat(stamp, n),
        strict=True,
    )
    with connection.cursor() as cursor, connection.wrap_database_errors:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(
                f"COPY {TABLE} ({', '.join(INSERT_COLUMNS)}) FROM STDIN"
            ) as copy:
                for row in tuples:
                    copy.write_row(row)
        else:
            placeholders = ", ".join(["?"] * len(INSERT_COLUMNS))
            connection.connection.executemany(
                f"INSERT INTO {TABLE} ({', '.join(INSERT_COLUMNS)}) VALUES ({placeholders})",  # noqa: S608
                tuples,
            )
    return n


def supersede(ids: list[int], *, at: datetime) -> None:
    """Stamp the replaced versions; their values stay as they were."""
    for start in range(0, len(ids), 500):
        Observation.objects.filter(pk__in=ids[start : start + 500]).update(superseded_at=at)


def withdraw_observations(delivery) -> int:
    """Retire a delivery's current values and bring back the versions they replaced."""
    now = timezone.now()
    restored = 0
    for obs in Observation.objects.filter(delivery=delivery, superseded_at__isnull=True):
        key = {f: getattr(obs, f) for f in KEY}
        previous = (
            Observation.objects.filter(**key, version__lt=obs.version)
            .exclude(delivery__status="withdrawn")
            .exclude(delivery=delivery)
            .order_by("-version")
            .first()
        )
        obs.superseded_at = now
        obs.save(update_fields=["superseded_at"])
        if previous is not None:
            latest = Observation.objects.filter(**key).order_by("-version").first()
            previous.pk = None
            previous.version = latest.version + 1
            previous.recorded_at = now
            previous.superseded_at = None
            previous.save()
            restored += 1
    return restored


def observations_as_of(moment: datetime, **filters):
    """The observations as they stood at ``moment`` (history query)."""
    return Observation.objects.filter(recorded_at__lte=moment, **filters).exclude(
        superseded_at__lte=moment
    )
