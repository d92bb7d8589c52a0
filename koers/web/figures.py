"""What an indicator figure shows: the national series, chosen provinces and a map period.

One function, `indicator_view`, feeds the page, its chart, map and table, and the CSV,
XLSX and JSON downloads, so every rendering shows the same numbers. Figures come only
from the materialised aggregates (published data).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyarrow.compute as pc
from django.utils.translation import get_language

from koers.analytics.store import aggregates
from koers.areas.models import Area
from koers.engine.breakdown import TOTAL, parse_breakdown
from koers.engine.periods import parse_period
from koers.indicators.models import Indicator

NATIONAL = "NL01"
UNALLOCATED = "PV99"
PROVINCE = "provincie"


@dataclass(frozen=True)
class BreakdownOption:
    code: str
    label: str


@dataclass
class IndicatorView:
    indicator: Indicator
    breakdown: str
    breakdown_options: list[BreakdownOption]
    provinces: list[str]  # provinces drawn as extra lines
    period: str | None  # the period of the map and the province table
    periods: list[str]
    national: list[dict]
    series: dict[str, list[dict]]
    regional: list[dict]  # one row per province at `period`, value None when missing
    unallocated: dict | None
    areas: dict[str, Area] = field(repr=False)
    rank_direction: int | None = None  # set by web.ranking: 1, -1, or None (no fair rank)

    @property
    def has_data(self) -> bool:
        return bool(self.national or any(r["value"] is not None for r in self.regional))

    @property
    def latest(self) -> dict | None:
        """The newest national row with a value."""
        with_value = [r for r in self.national if r["value"] is not None]
        return with_value[-1] if with_value else None

    def name(self, code: str) -> str:
        area = self.areas.get(code)
        return area.display_name(current_language()) if area else code

    def download_rows(self) -> list[dict]:
        """Every number the figure shows (lines and map), one row per area and period."""
        seen, out = set(), []
        rows = [*self.national, *(r for code in self.provinces for r in self.series[code])]
        rows += [r for r in self.regional if r.get("lineage_id")]
        for row in rows:
            key = (row["area"], row["period"])
            if key not in seen:
                seen.add(key)
                out.append(row)
        return sorted(out, key=lambda r: (r["area"] != NATIONAL, r["area"], _start(r["period"])))


def _start(period: str):
    return parse_period(period).start


def current_language() -> str:
    return (get_language() or "nl")[:2]


def period_type(indicator: Indicator) -> str:
    return indicator.periodicity if indicator.periodicity else "year"


def breakdown_label(indicator: Indicator, breakdown: str) -> str:
    """`Vrouwen, 65 tot 70 jaar` from the catalogue's code lists ('' for the total)."""
    if breakdown == TOTAL:
        return ""
    parts = []
    for dim, code in parse_breakdown(breakdown).items():
        codes = (indicator.breakdowns.get(dim) or {}).get("codes") or []
        names = next((c.get("name") for c in codes if str(c.get("code")) == code), None) or {}
        parts.append(names.get(current_language()) or names.get("nl") or f"{dim} {code}")
    return ", ".join(parts)


def _option_order(indicator: Indicator, breakdown: str) -> tuple:
    if breakdown == TOTAL:
        return (-1,)
    key = []
    for dim, code in sorted(parse_breakdown(breakdown).items()):
        codes = [str(c.get("code")) for c in (indicator.breakdowns.get(dim) or {}).get("codes", [])]
        key.append(codes.index(code) if code in codes else len(codes))
    return (len(key), *key)


def breakdown_options(indicator: Indicator, codes: list[str]) -> list[BreakdownOption]:
    ordered = sorted(codes, key=lambda b: _option_order(indicator, b))
    return [BreakdownOption(b, breakdown_label(indicator, b)) for b in ordered]


def public_areas() -> dict[str, Area]:
    """The country, the provinces and the unallocated area (one query)."""
    return {
        a.code: a
        for a in Area.objects.filter(type__in=["land", PROVINCE, "unallocated"]).order_by("code")
    }


def indicator_view(
    indicator: Indicator,
    *,
    breakdown: str | None = None,
    provinces: list[str] | tuple[str, ...] = (),
    period: str | None = None,
    areas: dict[str, Area] | None = None,
) -> IndicatorView:
    """The figure for these choices; unknown choices fall back to the defaults.

    `areas` (from public_areas()) saves the query when a page shows several figures.
    """
    table = aggregates(indicator.code, value_kind="realisation", period_type=period_type(indicator))
    available = [b for b in pc.unique(table["breakdown"]).to_pylist() if b]
    options = breakdown_options(indicator, available)
    codes = [o.code for o in options]
    chosen = breakdown if breakdown in codes else (codes[0] if codes else TOTAL)
    rows = table.filter(pc.equal(table["breakdown"], chosen)).to_pylist() if codes else []
    areas = areas if areas is not None else public_areas()
    province_codes = [c for c, a in areas.items() if a.type == PROVINCE]
    by_area: dict[str, list[dict]] = {}
    for row in sorted(rows, key=lambda r: parse_period(r["period"]).start):
        if row["area"] in areas:
            row["area_name"] = areas[row["area"]].display_name(current_language())
            by_area.setdefault(row["area"], []).append(row)
    periods = sorted(
        {r["period"] for code in province_codes for r in by_area.get(code, [])}
        | {r["period"] for r in by_area.get(NATIONAL, [])},
        key=lambda p: parse_period(p).start,
    )
    chosen_period = period if period in periods else _latest_regional(by_area, province_codes)
    regional = _regional(by_area, areas, province_codes, chosen_period)
    selected = [c for c in dict.fromkeys(provinces) if c in province_codes]
    unallocated = next(
        (r for r in by_area.get(UNALLOCATED, []) if r["period"] == chosen_period), None
    )
    return IndicatorView(
        indicator=indicator,
        breakdown=chosen,
        breakdown_options=options,
        provinces=selected,
        period=chosen_period,
        periods=periods,
        national=by_area.get(NATIONAL, []),
        series={code: by_area.get(code, []) for code in selected},
        regional=regional,
        unallocated=unallocated,
        areas=areas,
    )


def _latest_regional(by_area: dict[str, list[dict]], provinces: list[str]) -> str | None:
    """The newest period in which any province has a value, else the newest national one."""
    with_value = [
        r["period"] for code in provinces for r in by_area.get(code, []) if r["value"] is not None
    ]
    if not with_value:
        with_value = [r["period"] for r in by_area.get(NATIONAL, []) if r["value"] is not None]
    return max(with_value, key=lambda p: parse_period(p).start) if with_value else None


def _regional(by_area, areas, provinces, period) -> list[dict]:
    rows = []
    for code in provinces:
        found = next((r for r in by_area.get(code, []) if r["period"] == period), None)
        rows.append(
            found
            or {
                "area": code,
                "area_name": areas[code].display_name(current_language()),
                "period": period,
                "value": None,
                "lineage_id": None,
            }
        )
    for row in rows:
        row["rank"] = None  # only with a direction and a normalisation: web.ranking
    return rows


def latest_national(indicator: Indicator) -> dict | None:
    """The national headline of the default breakdown, or None before publication.

    Honest by construction: the newest *complete* period (full coverage) is preferred over a
    newer partial one (`newer_partial` names that period); a row that is one part of a
    breakdown without a published total says so (`is_part`), never posing as the total.
    """
    table = aggregates(
        indicator.code,
        area=NATIONAL,
        value_kind="realisation",
        period_type=period_type(indicator),
    )
    rows = [r for r in table.to_pylist() if r["value"] is not None]
    if not rows:
        return None
    chosen = min({r["breakdown"] for r in rows}, key=lambda b: _option_order(indicator, b))
    mine = [r for r in rows if r["breakdown"] == chosen]
    newest = max(mine, key=lambda r: _start(r["period"]))
    complete = [r for r in mine if not r.get("partial")]
    row = max(complete, key=lambda r: _start(r["period"])) if complete else newest
    row["breakdown_label"] = breakdown_label(indicator, chosen)
    row["is_part"] = chosen != TOTAL
    row["newer_partial"] = newest["period"] if row is not newest else None
    return row
