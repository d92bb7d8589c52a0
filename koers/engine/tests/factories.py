"""Small builders for engine input tables, so tests read like the data they describe."""

from __future__ import annotations

from datetime import date

import pyarrow as pa

from koers.engine.schema import AREA_LINKS, AREAS, OBSERVATIONS


def observations(*rows: tuple | dict, value_kind: str = "realisation") -> pa.Table:
    """Rows as (indicator, area, period, value[, breakdown[, status]]) or dicts."""
    out = []
    for i, row in enumerate(rows, start=1):
        if isinstance(row, dict):
            rec = dict(row)
        else:
            rec = dict(
                zip(
                    ("indicator", "area", "period", "value", "breakdown", "status"),
                    row,
                    strict=False,
                )
            )
        rec.setdefault("obs_id", i)
        rec.setdefault("breakdown", "_T")
        rec.setdefault("value_kind", value_kind)
        rec.setdefault("status", "normal")
        rec.setdefault("version", 1)
        rec.setdefault("delivery_id", 100 + i)
        rec.setdefault("source_file", "test.csv")
        rec.setdefault("source_row", i)
        out.append(rec)
    return pa.Table.from_pylist(out, schema=OBSERVATIONS)


def areas(**types: str) -> pa.Table:
    return pa.Table.from_pylist([{"code": c, "type": t} for c, t in types.items()], schema=AREAS)


def links(
    *pairs: tuple[str, str] | tuple[str, str, str] | tuple[str, str, str, date | None, date | None],
) -> pa.Table:
    """(child, parent[, hierarchy[, valid_from, valid_to]]); hierarchy defaults to bestuurlijk."""
    rows = []
    for p in pairs:
        child, parent = p[0], p[1]
        hierarchy = p[2] if len(p) > 2 else "bestuurlijk"
        valid_from = p[3] if len(p) > 3 else None
        valid_to = p[4] if len(p) > 4 else None
        rows.append(
            {
                "child": child,
                "parent": parent,
                "hierarchy": hierarchy,
                "valid_from": valid_from,
                "valid_to": valid_to,
            }
        )
    return pa.Table.from_pylist(rows, schema=AREA_LINKS)


def provinces_and_nation() -> tuple[pa.Table, pa.Table]:
    """NL01 with the 12 CBS provinces PV20..PV31 and unallocated PV99."""
    codes = [f"PV{n}" for n in range(20, 32)]
    area_table = areas(NL01="land", PV99="unallocated", **dict.fromkeys(codes, "provincie"))
    link_table = links(*[(c, "NL01") for c in codes], ("PV99", "NL01"))
    return area_table, link_table


def rows_by(table: pa.Table, **filters: object) -> list[dict]:
    """Rows of an Arrow table matching all filters, as dicts."""
    return [r for r in table.to_pylist() if all(r[k] == v for k, v in filters.items())]


def one(table: pa.Table, **filters: object) -> dict:
    found = rows_by(table, **filters)
    assert len(found) == 1, f"expected one row for {filters}, found {len(found)}"
    return found[0]
