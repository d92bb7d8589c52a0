"""The materialised analytics store: one Parquet file per indicator, written atomically.

Files hold the STORED columns only (see aggregates.py) plus the area levels in their
key-value metadata; the other AGGREGATES columns are derived from them when a file is
read. refresh() recomputes the given indicators (plus those derived from them) and swaps
each file in with os.replace, so a reader in another process sees the old file or the new
one, never half of one. query() answers from the files only, caching each Arrow table per
process until the file's mtime or size changes.
"""

from __future__ import annotations

import os
import shutil
import time
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from koers.engine.aggregates import (
    LEVELS_KEY,
    STORED,
    complete,
    levels_from_metadata,
    levels_metadata,
)
from koers.engine.errors import StoreError
from koers.engine.pipeline import Aggregation, Progress
from koers.engine.rules import IndicatorRules, dependents, rules_by_code
from koers.engine.sql import lit

SUFFIX = ".parquet"


class AnalyticsStore:
    """A folder of `<indicator>.parquet` files holding the STORED columns of AGGREGATES rows."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self._cache: dict[str, tuple[int, int, pa.Table]] = {}

    def path(self, indicator: str) -> Path:
        return self.root / (quote(indicator, safe="") + SUFFIX)

    def indicators(self) -> list[str]:
        return sorted(
            unquote(p.name[: -len(SUFFIX)])
            for p in self.root.glob("*" + SUFFIX)
            if not p.name.startswith(".")
        )

    def read(self, indicator: str) -> pa.Table:
        """The indicator's table, from the per-process cache while the file is unchanged."""
        path = self.path(indicator)
        try:
            st = os.stat(path)
        except FileNotFoundError:
            raise StoreError(
                f"indicator {indicator!r} is not in the store", indicator=indicator
            ) from None
        cached = self._cache.get(indicator)
        if cached and cached[0] == st.st_mtime_ns and cached[1] == st.st_size:
            return cached[2]
        # One mapping of one inode: opening the path twice could pair the footer of the old
        # file with the pages of a newer one swapped in between.
        stored = pq.read_table(pa.memory_map(str(path)))
        levels = levels_from_metadata(stored.schema.metadata)
        if not levels and "level" in stored.column_names:  # a file from before STORED
            levels = dict(zip(stored["area"].to_pylist(), stored["level"].to_pylist(), strict=True))
        stored = stored.select(STORED.names).cast(STORED)
        table = complete(stored, levels=levels, indicator=indicator)
        self._cache[indicator] = (st.st_mtime_ns, st.st_size, table)
        return table

    def replace(self, indicator: str, source: Path) -> None:
        """Move a finished file into place atomically (same file system)."""
        os.replace(source, self.path(indicator))

    def write(self, indicator: str, table: pa.Table, *, levels: dict[str, str]) -> None:
        """Write rows that have (at least) the STORED columns, with the area levels."""
        tmp = self.root / f".{uuid.uuid4().hex}.tmp"
        stored = table.select(STORED.names).cast(STORED)
        metadata = {LEVELS_KEY: levels_metadata(levels).encode()}
        pq.write_table(stored.replace_schema_metadata(metadata), tmp)
        self.replace(indicator, tmp)


@dataclass(frozen=True)
class RefreshReport:
    indicators: tuple[str, ...]
    rows: int
    seconds: float


def refresh(
    observations: pa.Table,
    areas: pa.Table,
    links: pa.Table,
    rules: Iterable[IndicatorRules] | Mapping[str, IndicatorRules],
    store: AnalyticsStore,
    *,
    indicators: Iterable[str] | None = None,
    windows: Sequence[tuple[int, int]] = (),
    progress: Progress | None = None,
) -> RefreshReport:
    """Recompute the given indicators (all if None) and those derived from them; write them."""
    started = time.perf_counter()
    rule_map = rules_by_code(rules)
    targets = None if indicators is None else dependents(rule_map, indicators)
    run = Aggregation(
        observations, areas, links, rule_map, indicators=targets, windows=windows, progress=progress
    )
    tmpdir = store.root / f".refresh-{uuid.uuid4().hex}"
    try:
        written = sorted(run.targets)
        levels = run.levels
        columns = ", ".join(STORED.names)
        run.con.execute(
            f"""COPY (SELECT {columns}, part FROM ({run.stored_sql()}))
                TO {lit(str(tmpdir))}
                (FORMAT parquet, PARTITION_BY (part), COMPRESSION snappy,
                 KV_METADATA {{'{LEVELS_KEY.decode()}': {lit(levels_metadata(levels))}}})"""
        )
        rows = 0
        for n, code in enumerate(written, start=1):
            rows += _publish(store, code, tmpdir / f"part={run.parts[code]}", levels)
            if progress:
                progress("write", n, len(written))
    finally:
        run.close()
        shutil.rmtree(tmpdir, ignore_errors=True)
    return RefreshReport(tuple(written), rows, time.perf_counter() - started)


def _publish(store: AnalyticsStore, code: str, folder: Path, levels: dict[str, str]) -> int:
    files = sorted(folder.glob("*.parquet")) if folder.exists() else []
    if len(files) == 1:
        rows = pq.read_metadata(files[0]).num_rows
        store.replace(code, files[0])
        return rows
    table = pa.concat_tables([pq.read_table(f) for f in files]) if files else STORED.empty_table()
    store.write(code, table, levels=levels)
    return table.num_rows


def query(
    store: AnalyticsStore,
    indicator: str,
    *,
    area: str | Sequence[str] | None = None,
    level: str | None = None,
    period: str | Sequence[str] | None = None,
    period_type: str | None = None,
    breakdown: str | None = None,
    value_kind: str | None = None,
    hierarchy: str | None = None,
) -> pa.Table:
    """Rows of one indicator from the store, filtered; never computes anything."""
    table = store.read(indicator)
    mask = None
    for column, wanted in (
        ("area", area),
        ("level", level),
        ("period", period),
        ("period_type", period_type),
        ("breakdown", breakdown),
        ("value_kind", value_kind),
        ("hierarchy", hierarchy),
    ):
        if wanted is None:
            continue
        col = table.column(column)
        if isinstance(wanted, str):
            cond = pc.equal(col, wanted)
        else:
            cond = pc.is_in(col, pa.array(list(wanted), pa.string()))
        mask = cond if mask is None else pc.and_(mask, cond)
    return table if mask is None else table.filter(mask)
