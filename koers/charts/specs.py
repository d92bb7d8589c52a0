"""Vega-Lite specs for the public pages: a time series with target lines and forecast ranges.

Data is always inline, so neither vl-convert nor the browser fetches anything.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
NATIONAL_COLOUR = "#154273"
#: Dark enough for 3:1 against white; lines also carry a label at their end.
SERIES_COLOURS = (
    "#b2182b", "#1b7837", "#762a83", "#8c510a", "#01665e", "#c51b7d",
    "#2166ac", "#4d4d4d", "#d6604d", "#35978f", "#9970ab", "#bf812d",
)  # fmt: skip
TARGET_COLOUR = "#e17000"
FORECAST_COLOUR = "#5a5a5a"
DEFAULT_LABELS = {
    "series": "Gebied",
    "period": "Periode",
    "value": "Waarde",
    "target": "Doel",
    "forecast": "Prognose",
}
FONT = "system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, sans-serif"


@dataclass(frozen=True)
class Point:
    series: str
    date: str  # ISO date of the period's start
    period: str  # the period as shown, e.g. "2023"
    value: float
    text: str  # the value as shown, with unit


@dataclass(frozen=True)
class TargetMark:
    date: str
    value: float
    label: str  # e.g. "doel 2030: 8.000 MW"


@dataclass(frozen=True)
class ForecastMark:
    series: str
    from_date: str
    from_value: float
    date: str
    value: float
    low: float | None
    high: float | None
    label: str  # e.g. "verwacht in 2030: 7.900 MW (7.100–8.700)"


def indexed(
    points: Sequence[Point], *, text: Callable[[float, Point], str]
) -> tuple[list[Point], str | None]:
    """Each series as an index, 100 in the first period in which every series has a value
    other than zero (the base).

    Without such a period the base is the first shared one and series that are zero there
    are left out; periods before the base are dropped. `text(index, point)` writes a point's
    shown text. Returns the points and the base period (None when no period is shared or
    nothing can be indexed).
    """
    order = list(dict.fromkeys(p.series for p in points))
    periods = {s: {p.period: p for p in points if p.series == s} for s in order}
    shared = set.intersection(*(set(by.keys()) for by in periods.values())) if order else set()
    if not shared:
        return [], None
    usable = {c for c in shared if all(periods[s][c].value for s in order)} or shared
    base = min(usable, key=lambda code: periods[order[0]][code].date)
    base_date = periods[order[0]][base].date
    out = []
    for series in order:
        start = periods[series][base].value
        if not start:
            continue
        for point in periods[series].values():
            if point.date >= base_date:
                value = 100 * point.value / start
                out.append(Point(point.series, point.date, point.period, value, text(value, point)))
    return out, (base if out else None)


def line_chart(
    points: Sequence[Point],
    *,
    description: str,
    y_title: str,
    decimals: int = 0,
    locale: Mapping | None = None,
    targets: Sequence[TargetMark] = (),
    forecasts: Sequence[ForecastMark] = (),
    date_format: str = "%Y",
    labels: Mapping[str, str] | None = None,
    width: int = 640,
    height: int = 320,
) -> dict:
    """One line per series (first series drawn as the national line), labelled at its end."""
    labels = {**DEFAULT_LABELS, **(labels or {})}
    order = list(dict.fromkeys(p.series for p in points))
    colours = [NATIONAL_COLOUR, *SERIES_COLOURS][: len(order)] or [NATIONAL_COLOUR]
    values = [
        {"series": p.series, "date": p.date, "period": p.period, "value": p.value, "text": p.text}
        for p in points
    ]
    last = {p.series: p for p in points}
    x = {
        "field": "date",
        "type": "temporal",
        "title": None,
        "axis": {"format": date_format, "labelOverlap": True, "grid": False},
    }
    colour = {
        "field": "series",
        "type": "nominal",
        "scale": {"domain": order or [""], "range": colours},
        "legend": None,
    }
    y = {
        "field": "value",
        "type": "quantitative",
        "title": y_title,
        "axis": {"format": f",.{decimals}f", "tickCount": 6},
        "scale": {"zero": True},
    }
    tooltip = [
        {"field": "series", "title": labels["series"]},
        {"field": "period", "title": labels["period"]},
        {"field": "text", "title": labels["value"]},
    ]
    layers: list[dict] = [
        *_forecast_layers(forecasts, x, y, labels["forecast"]),
        *_target_layers(targets, x, y, labels["target"]),
        {
            "data": {"name": "points"},
            "mark": {"type": "line", "strokeWidth": 2.5, "interpolate": "linear"},
            "encoding": {
                "x": x,
                "y": y,
                "color": colour,
                "strokeWidth": {
                    "condition": {
                        "test": f"datum.series === {_js(order[0] if order else '')}",
                        "value": 3.5,
                    },
                    "value": 2,
                },  # fmt: skip
            },
        },
        {
            "data": {"name": "points"},
            "mark": {"type": "point", "filled": True, "size": 45},
            "encoding": {
                "x": x,
                "y": y,
                "color": colour,
                "tooltip": tooltip,
            },
        },
        {
            "data": {
                "values": [{"series": s, "date": p.date, "value": p.value} for s, p in last.items()]
            },
            "mark": {"type": "text", "align": "left", "dx": 7, "fontWeight": 600, "fontSize": 12},
            "encoding": {
                "x": x,
                "y": y,
                "text": {"field": "series"},
                "color": colour,
            },
        },  # fmt: skip
    ]
    config = {
        "font": FONT,
        "view": {"stroke": None},
        "axis": {"labelFontSize": 12, "titleFontSize": 12, "labelColor": "#1a1a1a",
                 "titleColor": "#1a1a1a", "domainColor": "#767676", "tickColor": "#767676",
                 "gridColor": "#e3e6ea"},
        "aria": False,
    }  # fmt: skip
    if locale:
        config["locale"] = dict(locale)
    return {
        "$schema": SCHEMA,
        "description": description,
        "width": width,
        "height": height,
        "autosize": {"type": "fit-x", "contains": "padding"},
        "padding": {"left": 4, "right": 96, "top": 12, "bottom": 4},
        "config": config,
        "datasets": {"points": values},
        "layer": layers,
    }


def _js(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _target_layers(targets: Sequence[TargetMark], x: dict, y: dict, title: str) -> list[dict]:
    if not targets:
        return []
    rows = [{"date": t.date, "value": t.value, "label": t.label} for t in targets]  # few rows
    return [
        {
            "data": {"values": rows},
            "mark": {"type": "rule", "strokeDash": [6, 4], "color": TARGET_COLOUR,
                     "strokeWidth": 2},
            "encoding": {"y": y},
        },
        {
            "data": {"values": rows},
            "mark": {"type": "point", "shape": "diamond", "filled": True, "size": 140,
                     "color": TARGET_COLOUR, "stroke": "#1a1a1a", "strokeWidth": 1},
            "encoding": {"x": x, "y": y, "tooltip": [{"field": "label", "title": title}]},
        },
        {
            "data": {"values": rows},
            "mark": {"type": "text", "align": "right", "dy": -10, "fontSize": 12,
                     "fontWeight": 600, "color": "#8a3b00"},
            "encoding": {"x": x, "y": y, "text": {"field": "label"}},
        },
    ]  # fmt: skip


def _forecast_layers(forecasts: Sequence[ForecastMark], x: dict, y: dict, title: str) -> list[dict]:
    if not forecasts:
        return []
    lines, ranges = [], []
    for f in forecasts:
        lines += [
            {"series": f.series, "date": f.from_date, "value": f.from_value, "label": f.label},
            {"series": f.series, "date": f.date, "value": f.value, "label": f.label},
        ]
        if f.low is not None and f.high is not None:
            ranges.append({"date": f.date, "low": f.low, "high": f.high, "label": f.label})
    layers = [
        {
            "data": {"values": lines},
            "mark": {"type": "line", "strokeDash": [2, 3], "color": FORECAST_COLOUR,
                     "strokeWidth": 2},
            "encoding": {"x": x, "y": y, "detail": {"field": "series"},
                         "tooltip": [{"field": "label", "title": title}]},
        },
    ]  # fmt: skip
    if ranges:
        layers.append(
            {
                "data": {"values": ranges},
                "mark": {
                    "type": "errorbar",
                    "ticks": True,
                    "color": FORECAST_COLOUR,
                    "thickness": 2,
                },
                "encoding": {
                    "x": x,
                    "y": {**y, "field": "low"},
                    "y2": {"field": "high"},
                    "tooltip": [{"field": "label", "title": title}],
                },
            }  # fmt: skip
        )
    return layers
