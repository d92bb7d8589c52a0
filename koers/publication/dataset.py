"""The one query behind every open-data rendering: published observations with provenance."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import cached_property

import pyarrow as pa
import pyarrow.compute as pc

from koers.analytics.sources import observations
from koers.publication.describe import IndicatorInfo, describe_indicators
from koers.publication.provenance import delivery_provenance, last_changes, published_codes


def _field(name: str, type_: pa.DataType, doc: str, *, nullable: bool = False) -> pa.Field:
    return pa.field(name, type_, nullable=nullable, metadata={"doc": doc})


#: The tidy table every format renders: one row per current published observation.
TIDY = pa.schema(
    [
        _field("indicator", pa.string(), "Indicator code (see the indicator catalogue)."),
        _field("area", pa.string(), "Area code: CBS statcode, e.g. PV20 or NL01."),
        _field("period", pa.string(), "Period code: 2023, 2023-H1, 2023-Q4 or 2023-03."),
        _field("breakdown", pa.string(), "Breakdown: _T for the total, else dim=code;dim=code."),
        _field("value_kind", pa.string(), "realisation, target or forecast."),
        _field("value", pa.float64(), "The value in unit x 10^unit_multiplier.", nullable=True),
        _field("unit", pa.string(), "Unit of the value."),
        _field("unit_multiplier", pa.int32(), "Power of ten the value is expressed in (SDMX)."),
        _field("obs_status", pa.string(), "normal, estimated, provisional, missing, confidential."),
        _field("version", pa.int32(), "Version of this observation; corrections add versions."),
        _field("source", pa.string(), "Source holder and table, e.g. CBS 70960ned."),
        _field("delivery_id", pa.int64(), "Koers delivery (aanlevering) that supplied it."),
        _field("source_file", pa.string(), "Name of the delivered file.", nullable=True),
        _field("source_row", pa.int64(), "Row of the value in that file.", nullable=True),
        _field(
            "published_at", pa.timestamp("s", tz="UTC"), "When its delivery was published (UTC)."
        ),
    ]
)
KEY = ["indicator", "area", "period", "breakdown", "value_kind"]


@dataclass(frozen=True)
class Publication:
    """What is published now: the tidy table and a description of each indicator in it."""

    observations: pa.Table
    indicators: dict[str, IndicatorInfo]
    generated_at: datetime

    @property
    def last_published(self) -> datetime | None:
        moments = [i.last_published for i in self.indicators.values() if i.last_published]
        return max(moments, default=None)

    @cached_property
    def _offsets(self) -> dict[str, tuple[int, int]]:
        # Rows are sorted by indicator code, so each indicator is one contiguous slice.
        out, start = {}, 0
        for code in sorted(self.indicators):
            out[code] = (start, self.indicators[code].rows)
            start += self.indicators[code].rows
        return out

    def only(self, code: str) -> Publication:
        """The same publication restricted to one indicator."""
        table = self.observations.slice(*self._offsets[code])
        return replace(self, observations=table, indicators={code: self.indicators[code]})


def _lookup(keys: pa.ChunkedArray, mapping: dict, type_: pa.DataType) -> pa.Array:
    """Vectorised dict lookup: ``mapping[key]`` for every key (keys must all be present)."""
    known = pa.array(list(mapping), keys.type)
    values = pa.array(list(mapping.values()), type_)
    return values.take(pc.index_in(keys, value_set=known))


def published(*, indicators: list[str] | None = None) -> Publication:
    """Current published observations (never other statuses), sorted, with provenance."""
    raw = observations(indicators=indicators, statuses=("published",))
    infos = describe_indicators(pc.unique(raw["indicator"]).to_pylist())
    deliveries = delivery_provenance(pc.unique(raw["delivery_id"]).to_pylist(), infos)
    by_indicator = raw["indicator"]
    by_delivery = raw["delivery_id"]
    table = pa.table(
        {
            "indicator": by_indicator,
            "area": raw["area"],
            "period": raw["period"],
            "breakdown": raw["breakdown"],
            "value_kind": raw["value_kind"],
            "value": raw["value"],
            "unit": _lookup(by_indicator, {c: i.unit for c, i in infos.items()}, pa.string()),
            "unit_multiplier": _lookup(
                by_indicator, {c: i.unit_multiplier for c, i in infos.items()}, pa.int32()
            ),
            "obs_status": raw["status"],
            "version": raw["version"],
            "source": _lookup(
                by_delivery, {d: p.source for d, p in deliveries.items()}, pa.string()
            ),
            "delivery_id": by_delivery,
            "source_file": raw["source_file"],
            "source_row": raw["source_row"],
            "published_at": _lookup(
                by_delivery,
                {d: p.published_at for d, p in deliveries.items()},
                pa.timestamp("s", tz="UTC"),
            ),
        },
        schema=TIDY,
    ).sort_by([(k, "ascending") for k in KEY])
    return Publication(
        observations=table,
        indicators=_with_coverage(infos, table, last_changes(list(infos)), deliveries),
        generated_at=datetime.now(UTC).replace(microsecond=0),
    )


def _with_coverage(
    infos: dict[str, IndicatorInfo], table: pa.Table, changes: dict, deliveries: dict
) -> dict:
    """Add what the data says (rows, periods, areas, sources, makers) and when it changed."""
    makers: dict[str, set] = {}
    for pair in table.group_by(["indicator", "delivery_id"]).aggregate([]).to_pylist():
        found = deliveries[pair["delivery_id"]]
        makers.setdefault(pair["indicator"], set()).add((found.producer, found.producer_uri))
    grouped = table.group_by("indicator").aggregate(
        [
            ("indicator", "count"),
            ("period", "distinct"),
            ("area", "distinct"),
            ("source", "distinct"),
        ]
    )
    out = {}
    for row in grouped.to_pylist():
        out[row["indicator"]] = replace(
            infos[row["indicator"]],
            rows=row["indicator_count"],
            periods=tuple(sorted(row["period_distinct"])),
            areas=tuple(sorted(row["area_distinct"])),
            sources=tuple(sorted(row["source_distinct"])),
            creators=tuple(sorted(makers[row["indicator"]], key=lambda m: m[0])),
            last_published=_whole_seconds(changes.get(row["indicator"])),
        )
    return dict(sorted(out.items()))


def published_indicators() -> dict[str, IndicatorInfo]:
    """Every indicator with published data and when it last changed, without its rows."""
    codes = published_codes()
    changes = last_changes(codes)
    infos = describe_indicators(codes)
    return {
        c: replace(i, last_published=_whole_seconds(changes.get(c)))
        for c, i in sorted(infos.items())
    }


def _whole_seconds(moment: datetime | None) -> datetime | None:
    # Pages, files and HTTP dates all show whole seconds; keep every copy equal.
    return moment.replace(microsecond=0) if moment else None
