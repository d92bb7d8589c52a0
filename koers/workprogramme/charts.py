"""Vega-Lite specs of the work-programme pages: a Gantt-style timeline of activities and the
planned against realised means per goal. Plain functions of plain data; the pages put a
table beside each chart."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from koers.charts.specs import FONT, NATIONAL_COLOUR, SCHEMA

#: One colour per status, each at least 3:1 against white; the table names the status too.
STATUS_COLOURS = {
    "gepland": "#5a5a5a",
    "lopend": NATIONAL_COLOUR,
    "afgerond": "#1b7837",
    "vertraagd": "#b35806",
    "gestopt": "#b2182b",
}
MEANS_COLOURS = ("#154273", "#8c510a")
_CONFIG = {
    "font": FONT,
    "view": {"stroke": None},
    "axis": {"labelFontSize": 12, "titleFontSize": 12, "labelColor": "#1a1a1a",
             "titleColor": "#1a1a1a", "domainColor": "#767676", "tickColor": "#767676",
             "gridColor": "#e3e6ea"},
    "legend": {"labelFontSize": 12, "titleFontSize": 12, "labelColor": "#1a1a1a",
               "titleColor": "#1a1a1a", "orient": "bottom"},
    "aria": False,
}  # fmt: skip


@dataclass(frozen=True)
class Bar:
    label: str  # "A1 Warmtenetten"
    start: str  # ISO date
    end: str  # ISO date, inclusive
    status: str
    status_label: str


@dataclass(frozen=True)
class MilestoneMark:
    label: str  # the bar it sits on
    date: str
    title: str
    done: bool


def timeline_chart(
    bars: Sequence[Bar],
    milestones: Sequence[MilestoneMark] = (),
    *,
    description: str,
    labels: Mapping[str, str],
    status_labels: Mapping[str, str],
    today: str | None = None,
    locale: Mapping | None = None,
    width: int = 640,
) -> dict:
    """One bar per activity from start to end, coloured by status, milestones as diamonds.

    ``labels`` names the tooltip fields (activity, start, end, status, milestone).
    """
    y = {
        "field": "label",
        "type": "nominal",
        "title": None,
        "sort": [bar.label for bar in bars],
        "axis": {"labelLimit": 260},
    }
    x = {
        "field": "start",
        "type": "temporal",
        "title": None,
        "axis": {"format": "%b %Y", "labelOverlap": True, "grid": True},
    }
    used = [code for code in STATUS_COLOURS if any(bar.status == code for bar in bars)]
    colour = {
        "field": "status",
        "type": "nominal",
        "title": labels["status"],
        "scale": {
            "domain": [str(status_labels[code]) for code in used] or [""],
            "range": [STATUS_COLOURS[code] for code in used] or [NATIONAL_COLOUR],
        },
    }
    layers: list[dict] = [
        {
            "data": {"name": "bars"},
            "mark": {"type": "bar", "cornerRadius": 3, "height": {"band": 0.6}},
            "encoding": {
                "y": y,
                "x": x,
                "x2": {"field": "end"},
                "color": colour,
                "tooltip": [
                    {"field": "label", "title": labels["activity"]},
                    {
                        "field": "start",
                        "type": "temporal",
                        "format": "%e %b %Y",
                        "title": labels["start"],
                    },
                    {
                        "field": "end",
                        "type": "temporal",
                        "format": "%e %b %Y",
                        "title": labels["end"],
                    },
                    {"field": "status", "title": labels["status"]},
                ],  # fmt: skip
            },
        }
    ]
    if milestones:
        layers.append(
            {
                "data": {"name": "milestones"},
                "mark": {
                    "type": "point",
                    "shape": "diamond",
                    "size": 110,
                    "strokeWidth": 2,
                    "color": "#1a1a1a",
                },  # fmt: skip
                "encoding": {
                    "y": {**y, "field": "label"},
                    "x": {**x, "field": "date"},
                    "fill": {
                        "condition": {"test": "datum.done", "value": "#1a1a1a"},
                        "value": "#ffffff",
                    },
                    "tooltip": [
                        {"field": "title", "title": labels["milestone"]},
                        {
                            "field": "date",
                            "type": "temporal",
                            "format": "%e %b %Y",
                            "title": labels["date"],
                        },
                    ],  # fmt: skip
                },
            }
        )
    if today:
        layers.append(
            {
                "data": {"values": [{"date": today}]},
                "mark": {"type": "rule", "strokeDash": [4, 3], "color": "#1a1a1a"},
                "encoding": {"x": {**x, "field": "date"}},
            }
        )
    config = dict(_CONFIG)
    if locale:
        config["locale"] = dict(locale)
    return {
        "$schema": SCHEMA,
        "description": description,
        "width": width,
        "height": {"step": 30},
        "autosize": {"type": "fit-x", "contains": "padding"},
        "config": config,
        "datasets": {
            "bars": [
                {"label": b.label, "start": b.start, "end": b.end, "status": b.status_label}
                for b in bars
            ],
            "milestones": [
                {"label": m.label, "date": m.date, "title": m.title, "done": m.done}
                for m in milestones
            ],
        },
        "layer": layers,
    }


@dataclass(frozen=True)
class MeansBar:
    goal: str
    measure: str  # "gepland" or "gerealiseerd", as shown
    amount: float  # drawing only; the table beside shows the exact Decimal
    text: str


def means_chart(
    bars: Sequence[MeansBar],
    *,
    description: str,
    y_title: str,
    labels: Mapping[str, str],
    locale: Mapping | None = None,
    width: int = 640,
) -> dict:
    """Planned against realised budget per goal, as grouped bars."""
    measures = list(dict.fromkeys(bar.measure for bar in bars)) or [""]
    config = dict(_CONFIG)
    if locale:
        config["locale"] = dict(locale)
    return {
        "$schema": SCHEMA,
        "description": description,
        "width": width,
        "height": 280,
        "autosize": {"type": "fit-x", "contains": "padding"},
        "config": config,
        "data": {"values": [vars(bar) for bar in bars]},
        "mark": {"type": "bar"},
        "encoding": {
            "x": {
                "field": "goal",
                "type": "nominal",
                "title": labels["goal"],
                "axis": {"labelAngle": -45},
            },
            "xOffset": {"field": "measure", "sort": measures},
            "y": {
                "field": "amount",
                "type": "quantitative",
                "title": y_title,
                "axis": {"format": "~s"},
            },
            "color": {
                "field": "measure",
                "type": "nominal",
                "title": None,
                "scale": {"domain": measures, "range": list(MEANS_COLOURS)},
            },
            "tooltip": [
                {"field": "goal", "title": labels["goal"]},
                {"field": "measure", "title": labels["measure"]},
                {"field": "text", "title": labels["amount"]},
            ],
        },  # fmt: skip
    }
