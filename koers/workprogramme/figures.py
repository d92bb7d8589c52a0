"""The charts of the work-programme pages, assembled for a template: the Vega-Lite spec (for
the interactive chart), its static SVG (without JavaScript, and for print) and a summary."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from koers.charts.render import ChartRenderError, chart_locale, render_svg
from koers.config import data_dir
from koers.workprogramme.charts import Bar, MeansBar, MilestoneMark, means_chart, timeline_chart
from koers.workprogramme.models import ActivityStatus
from koers.workprogramme.overview import ThemeBalance
from koers.workprogramme.queries import ActivityRow


@dataclass(frozen=True)
class Chart:
    key: str  # ids on the page derive from it
    spec: dict
    svg: str
    summary: str

    @property
    def spec_id(self) -> str:
        return f"{self.key}-spec"


def _language() -> str:
    return (get_language() or "nl")[:2]


def euros(amount: Decimal | None, *, cents: bool = False) -> str:
    """`€ 1.234.567` (Dutch) or `€ 1,234,567` (English), exact from the Decimal."""
    if amount is None:
        return "–"
    shown = amount if cents else amount.quantize(Decimal("1"), ROUND_HALF_UP)
    text = number_format(shown, decimal_pos=2 if cents else 0, use_l10n=True, force_grouping=True)
    return f"€ {text}"


def fte(amount: Decimal | None) -> str:
    if amount is None:
        return "–"
    text = format(amount.quantize(Decimal("0.01")), "f")
    text = text.rstrip("0").rstrip(".") if "." in text else text  # 1.50 -> 1.5, 2.00 -> 2
    return number_format(Decimal(text), use_l10n=True)


def _chart(key: str, spec: dict, summary: str) -> Chart:
    try:
        svg = render_svg(spec, cache_dir=data_dir() / "cache" / "charts")
    except ChartRenderError:
        svg = ""  # the table beside the chart carries every fact
    svg = svg.replace("<svg ", f'<svg role="img" aria-labelledby="{key}-summary" ', 1)
    return Chart(key, spec, svg, summary)


def timeline(rows: Sequence[ActivityRow], *, key: str, today: datetime.date) -> Chart | None:
    """The Gantt-style timeline of ``rows``; None without activities."""
    if not rows:
        return None
    bars = [
        Bar(f"{row.code} {row.title}"[:60], row.start.isoformat(),
            (row.end + datetime.timedelta(days=1)).isoformat(), row.status, row.status_label)
        for row in rows
    ]  # fmt: skip
    milestones = [
        MilestoneMark(bar.label, m.date.isoformat(), m.title, m.done)
        for row, bar in zip(rows, bars, strict=True)
        for m in row.milestones
    ]
    late = sum(1 for row in rows if row.is_late)
    first, last = min(r.start for r in rows), max(r.end for r in rows)
    summary = _(
        "Tijdlijn van %(count)s activiteiten van %(first)s tot %(last)s; uitlopend: %(late)s. "
        "De tabel hieronder noemt elke activiteit met haar periode en status."
    ) % {"count": len(rows), "first": first.isoformat(), "last": last.isoformat(), "late": late}
    spec = timeline_chart(
        bars,
        milestones,
        description=summary,
        labels={
            "activity": _("Activiteit"),
            "start": _("Start"),
            "end": _("Einde"),
            "status": _("Status"),
            "milestone": _("Mijlpaal"),
            "date": _("Datum"),
        },
        status_labels={code: str(label) for code, label in ActivityStatus.choices},
        today=today.isoformat(),
        locale=chart_locale(_language()),
    )
    return _chart(key, spec, summary)


def means(themes: Sequence[ThemeBalance], *, key: str) -> Chart | None:
    """Planned against realised IPO budget per goal; None when nothing is planned."""
    planned, realised = _("gepland"), _("gerealiseerd")
    bars = []
    for theme in themes:
        for goal in theme.goals:
            if not (goal.means.budget_planned or goal.means.budget_realised):
                continue  # the table lists every goal; the chart only those with a budget
            for measure, amount in (
                (planned, goal.means.budget_planned),
                (realised, goal.means.budget_realised),
            ):
                bars.append(MeansBar(goal.goal, measure, float(amount), euros(amount, cents=True)))
    if not any(bar.amount for bar in bars):
        return None
    total_planned = sum((t.means.budget_planned for t in themes), Decimal("0"))
    total_realised = sum((t.means.budget_realised for t in themes), Decimal("0"))
    summary = _(
        "IPO-budget per doel, gepland tegenover gerealiseerd: samen %(planned)s gepland en "
        "%(realised)s gerealiseerd. De tabel hieronder geeft de bedragen per doel."
    ) % {"planned": euros(total_planned), "realised": euros(total_realised)}
    spec = means_chart(
        bars,
        description=summary,
        y_title=_("IPO-budget (euro)"),
        labels={"goal": _("Doel"), "measure": _("Soort"), "amount": _("Bedrag")},
        locale=chart_locale(_language()),
    )
    return _chart(key, spec, summary)
