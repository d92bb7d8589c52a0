"""Every import and workflow step leaves a log line an operator can follow."""

from __future__ import annotations

from pathlib import Path

from koers.deliveries.storing import receive
from koers.deliveries.workflow import transition
from koers.observability.tests.conftest import events

MAPPINGS = Path(__file__).resolve().parents[2] / "deliveries" / "mappings"


def test_import_and_publication_are_logged_with_delivery_and_actor(
    register, make_user, shared_data, koers_records
):
    from koers.indicators.catalogue import load_catalogue

    load_catalogue()
    analyst = make_user("analyst", name="ana")
    office = make_user("programme_office", name="olga")
    delivery = receive(
        shared_data / "cbs" / "70960ned_windenergie_op_land.csv",
        mapping_path=MAPPINGS / "cbs-70960ned.yaml",
        user=analyst,
    )
    transition(delivery, "submitted", user=analyst)
    transition(delivery, "approved", user=make_user("analyst", name="second-analyst"))
    transition(delivery, "published", user=office)

    logged = [(e["event"], e.get("to_status"), e.get("by")) for e in events(koers_records)
              if e.get("delivery") == delivery.pk]  # fmt: skip
    assert ("import_received", None, None) in logged
    assert ("import_validated", None, None) in logged
    assert ("delivery_transition", "submitted", "ana") in logged
    assert ("publication", "published", "olga") in logged
