"""The machine-readable summary of a delivery, shared by the CLI, the API and the pages."""

from __future__ import annotations

from koers.deliveries.models import Delivery


def delivery_summary(delivery: Delivery) -> dict:
    report = delivery.report or {}
    stored = delivery.status not in ("rejected", "failed")
    return {
        "delivery": delivery.pk,
        "status": delivery.status,
        "file": delivery.file.name,
        "sha256": delivery.file.sha256,
        "province": delivery.province.code if delivery.province_id else None,
        "rows": delivery.rows,
        "observations_created": delivery.observations_created,
        "observations_superseded": delivery.observations_superseded,
        "no_changes": stored and delivery.observations_created == 0,
        "errors": report.get("errors", []),
        "warnings": report.get("warnings", []),
    }
