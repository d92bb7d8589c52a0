""" "Waar komt dit getal vandaan?": one answer for the web, the API and the CLI."""

from __future__ import annotations

from koers.analytics import sources
from koers.analytics.store import aggregates_at
from koers.deliveries.models import Delivery
from koers.engine.lineage import parse_lineage_id, trace
from koers.engine.rules import dependency_order


def trace_lineage(lineage_id: str) -> dict:
    """The aggregate behind ``lineage_id`` and every published observation that made it."""
    key = parse_lineage_id(lineage_id)
    rules = sources.rules()
    needed = dependency_order(rules, [key.indicator])
    rows = trace(
        key, sources.observations(indicators=needed), sources.areas(), sources.links(), rules
    ).to_pylist()
    deliveries = {
        d.pk: d
        for d in Delivery.objects.select_related("file", "province").filter(
            pk__in={r["delivery_id"] for r in rows if r.get("delivery_id")}
        )
    }
    for row in rows:
        delivery = deliveries.get(row.get("delivery_id"))
        if delivery:
            row["delivery_status"] = delivery.status
            row["file_sha256"] = delivery.file.sha256
            row["received_at"] = delivery.received_at.isoformat()
            row["delivered_for"] = delivery.province.code if delivery.province_id else None
    found = aggregates_at(key).to_pylist()
    aggregate = next(
        (a for a in found if a["lineage_id"] == lineage_id), found[0] if found else None
    )
    return {"lineage_id": lineage_id, "aggregate": aggregate, "observations": rows}
