"""The machine-readable summary of a delivery, shared by the CLI, the API and the pages."""

from __future__ import annotations

from collections import Counter

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
        "error_counts": report.get("error_counts") or _counts(report.get("errors", [])),
        "warning_counts": report.get("warning_counts") or _counts(report.get("warnings", [])),
    }


def _counts(findings: list[dict]) -> dict[str, int]:
    """Counts per rule for a report stored before reports carried them (all kept then)."""
    return dict(sorted(Counter(finding["rule"] for finding in findings).items()))
