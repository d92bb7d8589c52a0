"""The delivery workflow and who may move it, as a steward, analyst or office would."""

import pytest
from django.core.exceptions import PermissionDenied

from koers.deliveries.models import Transition
from koers.deliveries.storing import receive
from koers.deliveries.workflow import WorkflowError, transition


@pytest.fixture
def gelderland_file(shared_data, tmp_path):
    """The real wind file cut down to Gelderland's rows, as a province would deliver."""
    source = shared_data / "cbs" / "70960ned_windenergie_op_land.csv"
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    target = tmp_path / "gelderland.csv"
    target.write_text(lines[0] + "".join(x for x in lines[1:] if ",PV25," in x), encoding="utf-8")
    return target


def test_steward_moves_own_delivery_through_the_workflow(
    catalogue, make_user, gelderland_file, mapping
):
    steward = make_user("province_steward", province="PV25")
    office = make_user("programme_office")
    delivery = receive(
        gelderland_file, mapping_path=mapping("70960"), province="PV25", user=steward, channel="ui"
    )
    assert delivery.status == "validated", delivery.report["errors"][:2]
    transition(delivery, "submitted", user=steward)
    colleague = make_user("province_steward", province="PV25", name="colleague")
    transition(delivery, "approved", user=colleague)  # four eyes: not the uploader
    with pytest.raises(PermissionDenied):
        transition(delivery, "published", user=colleague)
    transition(delivery, "published", user=office)
    delivery.refresh_from_db()
    assert delivery.status == "published"
    steps = list(
        Transition.objects.filter(delivery=delivery).values_list("to_status", "by__username")
    )
    assert [s for s, _ in steps] == ["validated", "submitted", "approved", "published"]


def test_a_steward_cannot_deliver_for_another_province(
    catalogue, make_user, gelderland_file, mapping
):
    from koers.deliveries.models import Delivery, Observation, StoredFile

    steward = make_user("province_steward", province="PV26")
    with pytest.raises(PermissionDenied):
        receive(gelderland_file, mapping_path=mapping("70960"), province="PV25", user=steward)
    assert not Delivery.objects.exists() and not StoredFile.objects.exists()
    assert not Observation.objects.exists()


def test_rows_outside_the_province_are_errors(catalogue, make_user, wind, mapping):
    steward = make_user("province_steward", province="PV25")
    delivery = receive(wind, mapping_path=mapping("70960"), province="PV25", user=steward)
    assert delivery.status == "rejected"
    rules = {e["rule"] for e in delivery.report["errors"]}
    assert any("scope" in rule for rule in rules), rules


def test_workflow_refuses_skipping_steps(catalogue, make_user, gelderland_file, mapping):
    office = make_user("programme_office")
    delivery = receive(gelderland_file, mapping_path=mapping("70960"))
    with pytest.raises(WorkflowError):
        transition(delivery, "published", user=office)


def test_every_transition_is_in_the_audit_log(catalogue, make_user, gelderland_file, mapping):
    from auditlog.models import LogEntry

    from koers.deliveries.models import Delivery

    analyst = make_user("analyst")
    delivery = receive(gelderland_file, mapping_path=mapping("70960"), user=analyst)
    transition(delivery, "submitted", user=analyst)
    transition(delivery, "approved", user=make_user("analyst", name="second-analyst"))
    changes = [
        e.changes_dict.get("status")
        for e in LogEntry.objects.get_for_model(Delivery).order_by("timestamp")
        if "status" in e.changes_dict
    ]
    assert changes[-2:] == [["validated", "submitted"], ["submitted", "approved"]]


def test_withdrawing_brings_back_the_previous_values(catalogue, make_user, wind, mapping, tmp_path):
    from koers.deliveries.models import Observation
    from koers.deliveries.tests.conftest import publish

    analyst = make_user("analyst")
    publish(receive(wind, mapping_path=mapping("70960"), user=analyst))
    lines = wind.read_text(encoding="utf-8").splitlines(keepends=True)
    i = next(i for i, line in enumerate(lines) if ",PV25,2020JJ00," in line)
    header = lines[0].split(",")
    cells = lines[i].rstrip("\n").split(",")
    col = header.index("OpgesteldVermogenEindeJaar_9")
    old = float(cells[col])
    cells[col] = "999"
    lines[i] = ",".join(cells) + "\n"
    fixed = tmp_path / "fout.csv"
    fixed.write_text("".join(lines), encoding="utf-8")
    wrong = publish(receive(fixed, mapping_path=mapping("70960"), user=analyst))
    transition(wrong, "withdrawn", user=analyst)
    current = Observation.objects.get(
        delivery__status="published",
        area__code="PV25",
        period="2020",
        source_column="OpgesteldVermogenEindeJaar_9",
        superseded_at__isnull=True,
    )
    assert current.value == old and current.version == 3
