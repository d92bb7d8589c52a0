"""Observation versions: diff incoming values against the PUBLISHED ones, append, publish.

Values are never updated in place. A changed value is a new row whose version is one more
than any version of its key; ``superseded_at`` means "stopped being the published value"
and is stamped only when a newer version is published, or its own published delivery is
withdrawn. Rows of unpublished deliveries keep ``superseded_at`` empty.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from itertools import repeat

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from django.db import connection
from django.db.models import Exists, OuterRef, QuerySet

from koers.deliveries.faults import fault_point
from koers.deliveries.models import Coverage, Delivery, DeliveryStatus, Observation, Transition

KEY = ["indicator_id", "area_id", "period", "breakdown", "value_kind"]
TABLE = Observation._meta.db_table
DELIVERY_TABLE = Delivery._meta.db_table
INSERT_COLUMNS = [
    "indicator_id", "area_id", "period", "breakdown", "value_kind", "value", "status",
    "version", "delivery_id", "source_row", "source_column", "recorded_at",
]  # fmt: skip
_STORED_COLUMNS = [*INSERT_COLUMNS[:8], "source_row", "source_column"]
#: Joins the key columns into one text key, in SQL and in Arrow alike (codes never hold it).
KEY_SEPARATOR = "\x1f"
#: The published current row of each key a batch brings (none: nothing published).
PUBLISHED_SCHEMA = pa.schema(
    [("key", pa.string()), ("cur_version", pa.int64()), ("cur_value", pa.float64()),
     ("cur_status", pa.string())]
)  # fmt: skip
#: The highest version of each key among rows of unpublished deliveries.
OTHERS_SCHEMA = pa.schema([("key", pa.string()), ("other_version", pa.int64())])
FETCH_ROWS = 100_000  # rows per fetch: memory stays flat however large the batch
MAX_CODES = 500  # areas a query; more periods (breakdowns) in a batch: not filtered by them

_KEY_SQL = "area_id, period, breakdown, value_kind"
_JOINED_KEY_SQL = " || %s || ".join(["CAST(area_id AS TEXT)", "period", "breakdown", "value_kind"])
_PUBLISHED_IDS = f"SELECT id FROM {DELIVERY_TABLE} WHERE status = 'published'"  # noqa: S608

#: The published current row of every key of some areas (and periods) of one indicator:
#: index range scans on the unique key, so a batch reads only what it may replace.
_PUBLISHED_SQL = f"""
SELECT {_JOINED_KEY_SQL}, version, value, status FROM {TABLE}
WHERE indicator_id = %s AND {{where}}
  AND superseded_at IS NULL AND delivery_id IN ({_PUBLISHED_IDS})
"""  # noqa: S608 - table names are ours; values are parameters

#: The highest version per key among rows of unpublished deliveries (pending, importing,
#: withdrawn). Every other version is at most its key's published current version: a
#: publication only retires versions below its own, and a restored copy takes max + 1.
_OTHERS_SQL = f"""
SELECT {_JOINED_KEY_SQL}, MAX(version) FROM {TABLE}
WHERE indicator_id = %s AND {{where}} AND delivery_id NOT IN ({_PUBLISHED_IDS})
  AND delivery_id <> %s
GROUP BY {_KEY_SQL}
"""  # noqa: S608


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector while rows of plain values pour in.

    Fetched rows are tuples of str, int and float: they form no cycles, but a million of
    them trigger collections of the whole heap, which cost a correction's read a third.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def fetch_arrow(sql: str, params: list, schema: pa.Schema) -> pa.Table:
    """A query's rows as an Arrow table, converted a chunk at a time (flat memory)."""
    batches = []
    with connection.cursor() as cursor, _no_cycle_collection():
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(FETCH_ROWS):
            batches.append(
                pa.record_batch(
                    [pa.array([row[i] for row in rows], type=f.type) for i, f in enumerate(schema)],
                    schema=schema,
                )
            )
    return pa.Table.from_batches(batches, schema=schema)


def joined_key(rows: pa.Table) -> pa.Array:
    """Each row's key as one text, as the queries above build it."""
    parts = [pc.cast(rows["area_id"], pa.string()), *(rows[c] for c in KEY[2:])]
    return pc.binary_join_element_wise(*parts, KEY_SEPARATOR).combine_chunks()


def has_rows(indicator_id: int, *, but: int | None) -> bool:
    """Whether any delivery other than ``but`` has rows of the indicator."""
    rows = Observation.objects.filter(indicator_id=indicator_id).exclude(delivery_id=but)
    return rows.exists()


def may_have_pending_versions(indicator_id: int, *, but: int | None) -> bool:
    """Whether a delivery that is not published (other than ``but``) may hold versions of
    the indicator: one still importing, or a validated, pending or withdrawn one covering
    it. False lets each batch skip reading them; a version clash reads them after all."""
    if Delivery.objects.filter(status=DeliveryStatus.RECEIVED).exclude(pk=but).exists():
        return True
    covering = Coverage.objects.filter(indicator_id=indicator_id).exclude(delivery_id=but)
    return covering.exclude(delivery__status=DeliveryStatus.PUBLISHED).exists()


def current_for(
    indicator_id: int, rows: pa.Table, *, own: int | None, pending: bool = True
) -> tuple[pa.Table, pa.Table]:
    """The published current rows and the highest pending versions of the keys of ``rows``
    (one indicator's batch of delivery ``own``).

    Read by the batch's areas, periods and breakdowns, so memory follows the batch, never
    the number of values already stored. The delivery's own rows are no other version: a
    key it brings twice is a duplicate, which rejects the file. ``pending=False`` skips
    the pending versions (may_have_pending_versions() said there are none).
    """
    filters, params = [], []
    for column in ("period", "breakdown"):
        values = pc.unique(rows[column]).to_pylist()
        if len(values) <= MAX_CODES:
            filters.append(f" AND {column} IN ({', '.join(['%s'] * len(values))})")
            params += values
    areas = pc.unique(rows["area_id"]).to_pylist()
    published, others = [], []
    for at in range(0, len(areas), MAX_CODES):  # a few hundred areas a query at most
        chunk = areas[at : at + MAX_CODES]
        where = f"area_id IN ({', '.join(['%s'] * len(chunk))})" + "".join(filters)
        head = [*[KEY_SEPARATOR] * 3, indicator_id, *chunk, *params]
        published.append(fetch_arrow(_PUBLISHED_SQL.format(where=where), head, PUBLISHED_SCHEMA))
        if pending:
            sql = _OTHERS_SQL.format(where=where)
            others.append(fetch_arrow(sql, [*head, own or 0], OTHERS_SCHEMA))
    others_table = pa.concat_tables(others) if others else OTHERS_SCHEMA.empty_table()
    return pa.concat_tables(published), others_table


def _looked_up(keys: pa.Array, found: pa.Table) -> pa.Table:
    """The row of ``found`` for each key (all null where the key is not in ``found``)."""
    at = pc.index_in(keys, value_set=found["key"].combine_chunks())
    return found.drop_columns(["key"]).take(at)


def diff(incoming: pa.Table, current: tuple[pa.Table, pa.Table]) -> tuple[pa.Table, int]:
    """Rows of ``incoming`` that differ from the published value (or are new), with their
    version; and how many of them replace a published value.

    ``current`` is what current_for() read. Pending versions elsewhere play no part in
    what is stored, only in the version number.
    """
    published, others = current
    if published.num_rows == 0 and others.num_rows == 0:
        versions = pa.array([1] * incoming.num_rows, pa.int64())
        return incoming.append_column("version", versions), 0
    keys = joined_key(incoming)
    cur = _looked_up(keys, published)
    cur_version, cur_value = cur["cur_version"], cur["cur_value"]
    cur_status = cur["cur_status"]
    is_published = pc.is_valid(cur_version)
    value = incoming["value"].combine_chunks()
    same_value = pc.or_(
        pc.fill_null(pc.equal(value, cur_value), False),
        pc.and_(pc.is_null(value), pc.is_null(cur_value)),
    )
    same_status = pc.fill_null(pc.equal(incoming["status"].combine_chunks(), cur_status), False)
    keep = pc.invert(pc.and_(is_published, pc.and_(same_value, same_status)))
    highest = cur_version
    if others.num_rows:
        other = _looked_up(keys, others)["other_version"]
        highest = pc.max_element_wise(cur_version, other, skip_nulls=True)
    version = pc.add(pc.fill_null(highest.filter(keep), 0), 1)
    replacing = pc.sum(is_published.filter(keep).cast(pa.int64())).as_py() or 0
    return incoming.filter(keep).append_column("version", version), replacing


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
            fault_point("during_withdrawal")  # copies made, the withdrawn rows still live
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
