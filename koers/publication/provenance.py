"""Where published values come from: source holder, delivery and publication moment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import yaml
from django.db.models import Max, Q

from koers.deliveries.models import Delivery, DeliveryStatus, Observation, Transition
from koers.indicators.models import Indicator


@dataclass(frozen=True)
class DeliveryProvenance:
    delivery_id: int
    source: str  # "CBS 70960ned", or the delivering province
    producer: str  # who made the figures: "CBS", "Gelderland", ...
    producer_uri: str | None  # a government identifier (TOOI) when there is one
    published_at: datetime


def _mapping_source(mapping_text: str) -> tuple[str, str]:
    if not mapping_text:
        return "", ""
    try:
        source = (yaml.safe_load(mapping_text) or {}).get("source") or {}
    except yaml.YAMLError:  # a stored mapping was valid when received; never fail a download
        return "", ""
    return str(source.get("producer") or ""), str(source.get("table") or "")


def _seconds(moment: datetime) -> datetime:
    # The published_at column has whole seconds, like the HTTP dates of the downloads.
    return moment.astimezone(UTC).replace(microsecond=0)


def delivery_provenance(ids: list[int], indicators: dict) -> dict[int, DeliveryProvenance]:
    """Provenance of each published delivery; the indicator's catalogue source is the fallback."""
    published = dict(
        Transition.objects.filter(delivery_id__in=ids, to_status=DeliveryStatus.PUBLISHED)
        .values("delivery_id")
        .annotate(at=Max("at"))
        .values_list("delivery_id", "at")
    )
    out = {}
    for delivery in Delivery.objects.filter(pk__in=ids).select_related("province"):
        producer, table = _mapping_source(delivery.mapping_text)
        uri = None
        if not producer and delivery.province is not None:
            producer, uri = delivery.province.name, delivery.province.tooi or None
        if not producer:
            code = delivery.observations.values_list("indicator__code", flat=True).first()
            info = indicators.get(code)
            producer, table = (info.source_producer, info.source_table) if info else ("", "")
        out[delivery.pk] = DeliveryProvenance(
            delivery_id=delivery.pk,
            source=" ".join(p for p in (producer, table) if p) or "Koers",
            producer=producer or "Koers",
            producer_uri=uri,
            published_at=_seconds(published.get(delivery.pk) or delivery.received_at),
        )
    return out


def last_changes(codes: list[str] | None = None) -> dict[str, datetime]:
    """Per indicator: the last time its published data changed (a publication or withdrawal)."""
    code_of = dict(Indicator.objects.values_list("pk", "code"))
    pairs = Observation.objects.values_list("indicator_id", "delivery_id").distinct()
    if codes is not None:
        pairs = pairs.filter(indicator_id__in=[pk for pk, c in code_of.items() if c in codes])
    by_delivery: dict[int, list[str]] = {}
    for indicator_id, delivery_id in pairs.order_by():
        by_delivery.setdefault(delivery_id, []).append(code_of[indicator_id])
    changes = (
        Transition.objects.filter(delivery_id__in=list(by_delivery))
        .filter(Q(to_status=DeliveryStatus.PUBLISHED) | Q(from_status=DeliveryStatus.PUBLISHED))
        .values("delivery_id")
        .annotate(at=Max("at"))
        .values_list("delivery_id", "at")
    )
    out: dict[str, datetime] = {}
    for delivery_id, at in changes:
        for code in by_delivery[delivery_id]:
            out[code] = max(out.get(code, at), at)
    return {code: at.astimezone(UTC) for code, at in out.items()}


def published_codes() -> list[str]:
    """Indicators with at least one observation in a published delivery."""
    ids = (
        Observation.objects.filter(delivery__status=DeliveryStatus.PUBLISHED)
        .values_list("indicator_id", flat=True)
        .distinct()
        .order_by()
    )
    return sorted(Indicator.objects.filter(pk__in=list(ids)).values_list("code", flat=True))
