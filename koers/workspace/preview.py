"""What a delivery changes on the public site: its values next to the published ones.

An import stores only values that are new or differ from the published value of their
key (deliveries/versions.py), so a delivery's own observations are exactly what
publishing it changes. The same list serves the preview before submitting and the
confirmation before publishing.
"""

from __future__ import annotations

from dataclasses import dataclass

from koers.deliveries.ingest import PeriodCodeError
from koers.deliveries.ingest.periods import previous_period
from koers.deliveries.models import Delivery, DeliveryStatus, Observation
from koers.web.figures import breakdown_label
from koers.web.numbers import format_number, unit_label

#: Rows shown on a page; the counts always cover the whole delivery.
SHOWN = 200


@dataclass(frozen=True)
class Change:
    indicator: str
    indicator_label: str
    unit: str
    area: str
    period: str
    breakdown: str
    new: str
    published: str | None  # None: nothing published for this key yet
    previous: str  # the published value of the period before ('–': none)
    difference: str  # against the published value, else against the period before

    @property
    def is_new(self) -> bool:
        return self.published is None


@dataclass(frozen=True)
class Preview:
    changes: list[Change]
    total: int  # every value of the delivery
    new: int  # keys with nothing published yet
    replaced: int  # keys whose published value changes

    @property
    def truncated(self) -> bool:
        return self.total > len(self.changes)


def _period_before(period: str) -> str:
    try:
        return previous_period(period)
    except (PeriodCodeError, KeyError, ValueError):
        return ""


def _key(obs) -> tuple:
    return (obs.indicator_id, obs.area_id, obs.period, obs.breakdown, obs.value_kind)


def _difference(new: float | None, old: float | None, decimals: int) -> str:
    if new is None or old is None:
        return "–"
    change = new - old
    text = format_number(change, decimals)
    if change > 0:
        text = f"+{text}"
    if old:
        text += f" ({change / abs(old):+.0%})".replace(".", ",")
    return text


def preview_of(delivery: Delivery, *, shown: int = SHOWN) -> Preview:
    """The delivery's values with the published value each replaces (first ``shown``)."""
    values = (
        Observation.objects.filter(delivery=delivery)
        .select_related("indicator", "area")
        .order_by("indicator__code", "area__code", "period", "breakdown", "value_kind")
    )
    # The import counted what it stored and how much of it replaces a published value.
    total, replaced = delivery.observations_created, delivery.observations_superseded
    rows = list(values[:shown])
    earlier = {o.period: _period_before(o.period) for o in rows}
    published = Observation.objects.filter(
        indicator__in={o.indicator_id for o in rows},
        area__in={o.area_id for o in rows},
        period__in={o.period for o in rows} | set(earlier.values()),
        superseded_at__isnull=True,
        delivery__status=DeliveryStatus.PUBLISHED,
    ).exclude(delivery=delivery)
    before = {_key(o): o.value for o in published}
    changes = []
    for obs in rows:
        indicator = obs.indicator
        key = _key(obs)
        old = before.get(key)
        last_key = (*key[:2], earlier[obs.period], *key[3:])
        last = before.get(last_key)
        decimals = indicator.decimals
        changes.append(
            Change(
                indicator=indicator.code,
                indicator_label=indicator.label,
                unit=unit_label(indicator),
                area=obs.area.name,
                period=obs.period,
                breakdown=breakdown_label(indicator, obs.breakdown),
                new=format_number(obs.value, indicator.decimals) if obs.value is not None else "–",
                published=(
                    (format_number(old, indicator.decimals) if old is not None else "–")
                    if key in before
                    else None
                ),
                previous=format_number(last, decimals) if last is not None else "–",
                difference=_difference(obs.value, old if key in before else last, decimals),
            )
        )
    return Preview(changes=changes, total=total, new=total - replaced, replaced=replaced)
