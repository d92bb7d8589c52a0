"""Readers for the real CBS files in ../shared/data, turned into engine input tables."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import duckdb
import pyarrow as pa

from koers.engine.breakdown import canonical_breakdown
from koers.engine.periods import cbs_period
from koers.engine.schema import OBSERVATIONS


def read_csv_rows(path: Path, *, delimiter: str = ",") -> list[dict[str, str | None]]:
    """All fields as text, codes stripped of CBS padding; blanks are None."""
    con = duckdb.connect()
    try:
        rel = con.sql(
            "SELECT * FROM read_csv($path, all_varchar = true, delim = $delim, header = true)",
            params={"path": str(path), "delim": delimiter},
        )
        return [
            {k: (v.strip() or None) if isinstance(v, str) else v for k, v in row.items()}
            for row in rel.to_arrow_table().to_pylist()
        ]
    finally:
        con.close()


def cbs_observations(
    rows: list[dict],
    indicators: Sequence[str],
    *,
    region: str = "RegioS",
    period: str = "Perioden",
    dims: Sequence[str] = (),
    regions: set[str] | None = None,
    source_file: str = "cbs.csv",
) -> pa.Table:
    """One observation per row x indicator column; a blank cell is a missing observation."""
    out = []
    for line, row in enumerate(rows, start=2):
        if regions is not None and row[region] not in regions:
            continue
        for indicator in indicators:
            raw = row[indicator]
            out.append(
                {
                    "obs_id": len(out) + 1,
                    "indicator": indicator,
                    "area": row[region],
                    "period": cbs_period(row[period]),
                    "breakdown": canonical_breakdown({d: row[d] for d in dims}),
                    "value_kind": "realisation",
                    "value": None if raw is None else float(raw),
                    "status": "missing" if raw is None else "normal",
                    "version": 1,
                    "delivery_id": 1,
                    "source_file": source_file,
                    "source_row": line,
                }
            )
    return pa.Table.from_pylist(out, schema=OBSERVATIONS)


PROVINCES = [f"PV{n}" for n in range(20, 32)]
