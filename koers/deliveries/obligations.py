"""Who must deliver an indicator: the one rule behind the template and completeness.

A province delivers an indicator itself when the provinces are its source (the catalogue's
`source.producer` is "Provincies" or "Provincie"). Series that CBS, a ministry or
another holder publishes are imported by an analyst from that holder's file; a province is
never expected to deliver them, nor shown as late for them. Peer indicators (another
country's data that tests Koers) are nobody's obligation.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from koers.indicators.models import Indicator, IndicatorStatus

#: The catalogue's source producers that mean "the provinces deliver this themselves".
PROVINCE_PRODUCERS = ("Provincies", "Provincie")


def _delivered_by_provinces() -> Q:
    match = Q()
    for producer in PROVINCE_PRODUCERS:
        match |= Q(source_producer__iexact=producer)
    return match


def province_indicators() -> QuerySet[Indicator]:
    """The indicators every province must deliver itself, by code."""
    return (
        Indicator.objects.exclude(status=IndicatorStatus.PEER)
        .filter(_delivered_by_provinces())
        .order_by("code")
    )


def is_province_indicator(indicator: Indicator) -> bool:
    """True when a province delivers ``indicator`` itself (see the module docstring)."""
    producer = (indicator.source_producer or "").strip().lower()
    return indicator.status != IndicatorStatus.PEER and producer in {
        p.lower() for p in PROVINCE_PRODUCERS
    }
