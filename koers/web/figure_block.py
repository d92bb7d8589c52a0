"""One indicator figure as the pages show it: chart (spec and static SVG), map, summary,
targets and the query string its downloads repeat."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from koers.charts.maps import ChoroplethMap, Region, choropleth
from koers.charts.render import ChartRenderError, chart_locale, render_svg
from koers.charts.specs import ForecastMark, Point, TargetMark, indexed, line_chart
from koers.config import data_dir
from koers.engine.periods import parse_period, period_label
from koers.indicators.models import Target
from koers.web.figures import NATIONAL, IndicatorView, current_language
from koers.web.numbers import format_number, format_value, unit_label
from koers.web.ranking import rank_direction, rank_regional
from koers.web.summaries import chart_summary
from koers.web.targets import TargetProgress, chart_targets, targets_of

DATE_FORMATS = {"year": "%Y", "half_year": "%Y", "quarter": "%Y", "month": "%b %Y"}
#: How the chart draws its lines (`?weergave=`): the values, or an index (base period = 100)
#: so that province lines are not squashed under the national line.
VALUES, INDEX = "waarde", "index"
SCALES = (VALUES, INDEX)


def chosen_scale(value: str | None) -> str:
    """The chart scale asked for; anything unknown is the plain values."""
    return value if value in SCALES else VALUES


@dataclass
class FigureBlock:
    view: IndicatorView
    key: str  # unique on the page: ids of chart, map and tables derive from it
    summary: str
    spec: dict | None = None
    svg: str = ""
    map: ChoroplethMap | None = None
    targets: list[TargetProgress] = field(default_factory=list)
    query: str = ""
    scale: str = VALUES
    index_base: str | None = None  # the period that is 100 when the chart is an index
    index_left_out: list[str] = field(default_factory=list)  # lines that cannot be indexed

    download_formats = ("csv", "xlsx", "json")
    image_formats = ("svg", "png")

    @property
    def indicator(self):
        return self.view.indicator

    @property
    def chart_query(self) -> str:
        """The query string of this chart's image and embed URLs (the choices and scale)."""
        return self.query + (f"&weergave={INDEX}" if self.scale == INDEX else "")

    @property
    def spec_id(self) -> str:
        return f"{self.key}-spec"

    @property
    def series_columns(self) -> list[dict]:
        codes = [NATIONAL, *self.view.provinces]
        return [{"code": code, "name": self.view.name(code)} for code in codes]

    @property
    def show_coverage(self) -> bool:
        return any(r.get("coverage_expected") for r in self.view.national)

    @property
    def series_rows(self) -> list[dict]:
        """Newest period first; one cell per line of the chart (None where missing)."""
        view = self.view
        by_area = {NATIONAL: view.national, **view.series}
        cells = {code: {r["period"]: r for r in rows} for code, rows in by_area.items()}
        periods = {p for rows in cells.values() for p in rows}
        out = []
        for period in sorted(periods, key=lambda p: parse_period(p).start, reverse=True):
            out.append(
                {
                    "period": period,
                    "national": cells[NATIONAL].get(period) or {},
                    "cells": [cells[c["code"]].get(period) for c in self.series_columns],
                }
            )
        return out


def query_string(view: IndicatorView) -> str:
    """The choices behind this figure, for links and downloads that must show the same."""
    params: list[tuple[str, str]] = [("uitsplitsing", view.breakdown)]
    params += [("provincie", code) for code in view.provinces]
    if view.period:
        params.append(("periode", view.period))
    return urlencode(params)


def _date(period: str) -> str:
    return parse_period(period).start.isoformat()


def _points(view: IndicatorView) -> list[Point]:
    indicator = view.indicator
    series = [(NATIONAL, view.national)] + [(c, view.series[c]) for c in view.provinces]
    return [
        Point(
            view.name(code),
            _date(row["period"]),
            period_label(row["period"]),
            row["value"],
            format_value(row["value"], indicator),
        )
        for code, rows in series
        for row in rows
        if row["value"] is not None
    ]


def _indexed_points(view: IndicatorView) -> tuple[list[Point], str | None]:
    unit = unit_label(view.indicator)

    def text(index: float, point: Point) -> str:
        return f"{format_number(index, 1)} ({point.text})" if unit else format_number(index, 1)

    return indexed(_points(view), text=text)


def chart_spec(
    view: IndicatorView, targets: list[TargetProgress], summary: str, *, scale: str = VALUES
) -> dict:
    """The Vega-Lite spec; as an index it has no target or forecast marks (they are in units)."""
    indicator = view.indicator
    if scale == INDEX:
        points, base = _indexed_points(view)
        return line_chart(
            points,
            description=summary,
            y_title=_("index (%(period)s = 100)") % {"period": base},
            decimals=0,
            locale=chart_locale(current_language()),
            date_format=DATE_FORMATS.get(indicator.periodicity, "%Y"),
            labels=_labels(),
        )
    marks, forecasts = [], []
    for item in targets:
        target, progress = item.target, item.progress
        if target.target_value is not None:
            label = _("doel %(year)s: %(value)s") % {
                "year": target.target_year,
                "value": format_value(target.target_value, indicator),
            }
            marks.append(TargetMark(f"{target.target_year}-01-01", target.target_value, label))
        forecast = progress.get("forecast")
        if forecast and progress.get("current_year") is not None:
            forecasts.append(
                ForecastMark(
                    series=view.name(target.area.code),
                    from_date=f"{progress['current_year']}-01-01",
                    from_value=progress["current_value"],
                    date=f"{forecast['year']}-01-01",
                    value=forecast["value"],
                    low=forecast["low"],
                    high=forecast["high"],
                    label=item.forecast_text,
                )
            )
    return line_chart(
        _points(view),
        description=summary,
        y_title=unit_label(indicator),
        decimals=max(indicator.decimals, 0),
        locale=chart_locale(current_language()),
        targets=marks,
        forecasts=forecasts,
        date_format=DATE_FORMATS.get(indicator.periodicity, "%Y"),
        labels=_labels(),
    )


def _labels() -> dict[str, str]:
    return {
        "series": _("Gebied"),
        "period": _("Periode"),
        "value": _("Waarde"),
        "target": _("Doel"),
        "forecast": _("Prognose"),
    }


def province_map(view: IndicatorView, *, highlight: str | None, key: str) -> ChoroplethMap | None:
    """The provinces coloured by their value in the view's period."""
    if not view.period or not view.regional:
        return None
    indicator = view.indicator
    regions = []
    for row in view.regional:
        area = view.areas[row["area"]]
        name = view.name(row["area"])
        value_text = (
            format_value(row["value"], indicator)
            if row["value"] is not None
            else _("geen gegevens")
        )
        regions.append(
            Region(
                code=row["area"],
                name=name,
                value=row["value"],
                value_text=format_value(row["value"], indicator, unit=False),
                label=f"{name}: {value_text}",
                href=reverse("data:province", args=[row["area"]]),
                geometry=area.geometry,
            )
        )
    decimals = max(indicator.decimals, 0)
    return choropleth(
        regions,
        title=_("%(indicator)s per provincie, %(period)s")
        % {"indicator": indicator.label, "period": period_label(view.period)},
        class_label=lambda low, high: (
            f"{format_number(low, decimals)} – {format_number(high, decimals)}"
        ),
        no_data_label=_("geen gegevens"),
        highlight=highlight,
        id_prefix=f"{key}-map",
    )


def figure_block(
    view: IndicatorView,
    *,
    key: str | None = None,
    highlight: str | None = None,
    targets: list[Target] | None = None,
    scale: str = VALUES,
) -> FigureBlock:
    """Chart, map and summary of one view; charts render once per spec (cached).

    `targets` are the indicator's targets when the caller read them already; `scale` is
    VALUES or INDEX (an index when no period is shared by every line falls back to values).
    """
    key = key or f"fig-{view.indicator.code}"
    if targets is None:
        targets = targets_of([view.indicator.pk]).get(view.indicator.pk, [])
    rank_regional(view, rank_direction(view.indicator, targets))
    targets = chart_targets(targets, breakdown=view.breakdown, areas=[NATIONAL, *view.provinces])
    summary = chart_summary(view, targets)
    block = FigureBlock(view=view, key=key, summary=summary, targets=targets)
    block.query = query_string(view)
    if view.has_data:
        if scale == INDEX:
            points, block.index_base = _indexed_points(view)
            drawn = {p.series for p in points}
            block.index_left_out = [s for s in dict.fromkeys(p.series for p in _points(view))
                                    if s not in drawn]  # fmt: skip
        block.scale = INDEX if block.index_base else VALUES
        block.spec = chart_spec(view, targets, summary, scale=block.scale)
        try:
            svg = render_svg(block.spec, cache_dir=data_dir() / "cache" / "charts")
        except ChartRenderError:
            svg = ""  # the table and summary still carry every number
        block.svg = svg.replace("<svg ", f'<svg role="img" aria-labelledby="{key}-summary" ', 1)
        block.map = province_map(view, highlight=highlight, key=key)
    return block
