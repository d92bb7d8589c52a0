"""Observation versions: diff incoming values against the PUBLISHED ones, append, publish.

Values are never updated in place. A changed value is a new row whose version is one more
than any version of its key; ``superseded_at`` means "stopped being the published value"
and is stamped only when a newer version is published, or its own published delivery is
withdrawn. Rows of unpublished deliveries keep ``superseded_at`` empty.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from itertools import repeat

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from django.db import connection
from django.db.models import Exists, OuterRef, QuerySet

from koers.deliveries.models import Delivery, DeliveryStatus, Observation, Transition

KEY = ["indicator_id", "area_id", "period", "breakdown", "value_kind"]
TABLE = Observation._meta.db_table
DELIVERY_TABLE = Delivery._meta.db_table
INSERT_COLUMNS = [
    "indicator_id", "area_id", "period", "breakdown", "value_kind", "value", "status",
    "version", "delivery_id", "source_row", "source_column", "recorded_at",
]  # fmt: skip
_STORED_COLUMNS = [*INSERT_COLUMNS[:8], "source_row", "source_column"]
CURRENT_SCHEMA = pa.schema(
    [
        ("area_id", pa.int64()),
        ("period", pa.string()),
        ("breakdown", pa.string()),
        ("value_kind", pa.string()),
        ("cur_version", pa.int64()),  # the highest version of the key, in any delivery
        ("cur_id", pa.int64()),  # the published current row (NULL: nothing published)
        ("cur_value", pa.float64()),
        ("cur_status", pa.string()),
    ]
)
FETCH_ROWS = 100_000  # rows per fetch: memory stays flat however large the indicator

_KEY_SQL = "area_id, period, breakdown, value_kind"
_PUBLISHED_IDS = f"SELECT id FROM {DELIVERY_TABLE} WHERE status = 'published'"  # noqa: S608

#: The published current row of every key of one indicator (a plain index range scan).
_PUBLISHED_SQL = f"""
SELECT {_KEY_SQL}, version, id, value, status FROM {TABLE}
WHERE indicator_id = %s AND superseded_at IS NULL AND delivery_id IN ({_PUBLISHED_IDS})
"""  # noqa: S608 - table names are ours; values are parameters

#: The highest version per key among rows of unpublished deliveries (pending, importing,
#: withdrawn). Every other version is at most its key's published current version: a
#: publication only retires versions below its own, and a restored copy takes max + 1.
_OTHERS_SQL = f"""
SELECT {_KEY_SQL}, MAX(version) FROM {TABLE}
WHERE indicator_id = %s AND delivery_id NOT IN ({_PUBLISHED_IDS})
GROUP BY {_KEY_SQL}
"""  # noqa: S608
_PUBLISHED_SCHEMA = pa.schema([CURRENT_SCHEMA.field(i) for i in range(4)] + [
    CURRENT_SCHEMA.field("cur_version"), CURRENT_SCHEMA.field("cur_id"),
    CURRENT_SCHEMA.field("cur_value"), CURRENT_SCHEMA.field("cur_status"),
])  # fmt: skip
_OTHERS_SCHEMA = pa.schema(
    [CURRENT_SCHEMA.field(i) for i in range(4)] + [pa.field("other_version", pa.int64())]
)


def fetch_arrow(sql: str, params: list, schema: pa.Schema) -> pa.Table:
    """A query's rows as an Arrow table, converted a chunk at a time (flat memory)."""
    batches = []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(FETCH_ROWS):
            columns = zip(*rows, strict=True)
            batches.append(
                pa.record_batch(
                    [pa.array(col, type=f.type) for col, f in zip(columns, schema, strict=True)],
                    schema=schema,
                )
            )
    return pa.Table.from_batches(batches, schema=schema)


def current_for_indicator(indicator_id: int) -> pa.Table:
    """Per key of one indicator: its highest version and its published current value."""
    published = fetch_arrow(_PUBLISHED_SQL, [indicator_id], _PUBLISHED_SCHEMA)
    others = fetch_arrow(_OTHERS_SQL, [indicator_id], _OTHERS_SCHEMA)
    if others.num_rows == 0:
        return published.select(CURRENT_SCHEMA.names)
    # Few rows in `others` (pending corrections): it is the join's build side.
    both = published.join(others, keys=KEY[1:], join_type="full outer")
    highest = pc.max_element_wise(both["cur_version"], both["other_version"], skip_nulls=True)
    both = both.set_column(both.schema.get_field_index("cur_version"), "cur_version", highest)
    return both.select(CURRENT_SCHEMA.names).cast(CURRENT_SCHEMA)


def diff(incoming: pa.Table, current: pa.Table) -> tuple[pa.Table, int]:
    """Rows of ``incoming`` that differ from the published value (or are new), with their
    version; and how many of them replace a published value.

    Pending versions elsewhere play no part in what is stored, only in the version number.
    """
    if current.num_rows == 0:
        versions = pa.array([1] * incoming.num_rows, pa.int64())
        return incoming.append_column("version", versions), 0
    # The batch is the hash join's build side: building on the whole current state instead
    # costs ~25x more per batch (Acero builds on the right-hand table).
    joined = current.join(incoming, keys=KEY[1:], join_type="right outer")
    published = pc.is_valid(joined["cur_id"])
    same_value = pc.or_(
        pc.fill_null(pc.equal(joined["value"], joined["cur_value"]), False),
        pc.and_(pc.is_null(joined["value"]), pc.is_null(joined["cur_value"])),
    )
    unchanged = pc.and_(
        published,
        pc.and_(same_value, pc.fill_null(pc.equal(joined["status"], joined["cur_status"]), False)),
    )
    keep = joined.filter(pc.invert(unchanged))
    version = pc.add(pc.fill_null(keep["cur_version"], 0), 1)
    replacing = pc.sum(pc.is_valid(keep["cur_id"]).cast(pa.int64())).as_py() or 0
    keep = keep.drop_columns([c for c in CURRENT_SCHEMA.names if c.startswith("cur_")])
    return keep.append_column("version", version), replacing


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


_SAME_KEY = " AND ".join(f"{{a}}.{c} = {{b}}.{c}" for c in KEY)

#: Stamp the published current rows of the keys one delivery brings. Each is found by a
#: correlated lookup on the unique key, driven from the delivery's own rows: a plan that
#: cannot go quadratic, with or without table statistics.
_PUBLISH_SQL = f"""
UPDATE {TABLE} SET superseded_at = %s
WHERE id IN (
  SELECT (SELECT o.id FROM {TABLE} o
          WHERE {_SAME_KEY.format(a="o", b="n")} AND o.superseded_at IS NULL
            AND o.delivery_id <> n.delivery_id AND o.delivery_id IN ({_PUBLISHED_IDS})
          LIMIT 1)
  FROM {TABLE} n WHERE n.delivery_id = %s AND n.indicator_id = %s)
"""  # noqa: S608

#: Bring back, as a new version, the previous published version of each key a withdrawn
#: published delivery still held (a copy: the as-of history keeps the old row as it was).
_RESTORE_SQL = f"""
INSERT INTO {TABLE} ({", ".join(INSERT_COLUMNS)}, superseded_at)
SELECT p.indicator_id, p.area_id, p.period, p.breakdown, p.value_kind, p.value, p.status,
       (SELECT MAX(m.version) FROM {TABLE} m WHERE {_SAME_KEY.format(a="m", b="w")}) + 1,
       p.delivery_id, p.source_row, p.source_column, %s, NULL
FROM {TABLE} w
JOIN {TABLE} p ON p.id = (
    SELECT q.id FROM {TABLE} q
    WHERE {_SAME_KEY.format(a="q", b="w")} AND q.version < w.version
      AND q.delivery_id <> w.delivery_id AND q.delivery_id IN ({_PUBLISHED_IDS})
    ORDER BY q.version DESC LIMIT 1)
WHERE w.delivery_id = %s AND w.indicator_id = %s AND w.superseded_at IS NULL
"""  # noqa: S608


def _indicators_of(delivery_id: int) -> list[int]:
    return list(
        Observation.objects.filter(delivery_id=delivery_id)
        .values_list("indicator_id", flat=True)
        .distinct()
        .order_by("indicator_id")
    )


def publish_observations(delivery: Delivery, *, at: datetime) -> int:
    """Retire the published values the delivery's rows replace; one statement per indicator.

    Call inside the publication's transaction, before the status becomes published.
    """
    retired = 0
    with connection.cursor() as cursor:
        for indicator_id in _indicators_of(delivery.pk):
            cursor.execute(_PUBLISH_SQL, [_db_time(at), delivery.pk, indicator_id])
            retired += cursor.rowcount
    return retired


def withdraw_observations(delivery: Delivery, *, at: datetime) -> int:
    """Retire a published delivery's current values and bring back the ones they replaced.

    Set-based: per indicator one INSERT…SELECT of the restored versions and one UPDATE.
    Call inside the withdrawal's transaction, while the delivery is still published.
    """
    restored = 0
    stamp = _db_time(at)
    with connection.cursor() as cursor:
        for indicator_id in _indicators_of(delivery.pk):
            cursor.execute(_RESTORE_SQL, [stamp, delivery.pk, indicator_id])
            restored += cursor.rowcount
            cursor.execute(
                f"UPDATE {TABLE} SET superseded_at = %s WHERE delivery_id = %s"  # noqa: S608
                " AND indicator_id = %s AND superseded_at IS NULL",
                [stamp, delivery.pk, indicator_id],
            )
    return restored


def published_as_of(moment: datetime, **filters) -> QuerySet[Observation]:
    """The published values as they stood at ``moment`` (the public's history)."""
    return (
        Observation.objects.filter(
            delivery__published_at__lte=moment, recorded_at__lte=moment, **filters
        )
        .exclude(superseded_at__lte=moment)
        .order_by("pk")
    )


def observations_as_of(moment: datetime, **filters) -> QuerySet[Observation]:
    """The latest version of each key among deliveries live at ``moment`` (insiders' view).

    Live means validated, submitted, approved or published at that moment; a withdrawn
    or rejected delivery's values drop out from the moment of that step.
    """
    live = {DeliveryStatus.VALIDATED, DeliveryStatus.SUBMITTED, DeliveryStatus.APPROVED,
            DeliveryStatus.PUBLISHED}  # fmt: skip
    steps = Transition.objects.filter(at__lte=moment).order_by("delivery_id", "at", "id")
    statuses = dict(steps.values_list("delivery_id", "to_status"))  # the last step wins
    ids = [pk for pk, status in statuses.items() if status in live]
    newer = Observation.objects.filter(
        **{name: OuterRef(name) for name in KEY},
        version__gt=OuterRef("version"),
        delivery_id__in=ids,
        recorded_at__lte=moment,
    )
    return (
        Observation.objects.filter(delivery_id__in=ids, recorded_at__lte=moment, **filters)
        .exclude(Exists(newer))
        .order_by("pk")
    )
