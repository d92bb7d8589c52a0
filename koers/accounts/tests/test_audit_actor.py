"""Every change names its actor: a web session, an API token, or the command line."""

import getpass

import pytest
from auditlog.models import LogEntry
from click.testing import CliRunner

from koers.accounts.audit import actor_label
from koers.accounts.models import ApiToken, RoleAssignment
from koers.cli import cli

WIND = "70960ned_windenergie_op_land.csv"


def _koers(*args):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def test_a_change_on_the_web_names_the_logged_in_user(client, register, make_user):
    admin = make_user(None, name="beheerder", staff=True)
    admin.is_superuser = True
    admin.save()
    steward = make_user("province_steward", province="PV25", name="gld")
    client.force_login(admin)
    assignment = RoleAssignment.objects.get(user=steward)
    response = client.post(
        f"/beheer/accounts/roleassignment/{assignment.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 302
    entry = LogEntry.objects.filter(action=LogEntry.Action.DELETE).get()
    assert entry.actor == admin and actor_label(entry) == "beheerder"


def test_a_command_run_as_a_user_names_that_user(register, make_user):
    office = make_user("programme_office", name="ipo-bureau")
    make_user("province_steward", province="PV25", name="gld")
    _koers("--as", "ipo-bureau", "tokens", "create", "--user", "gld", "--scope", "deliver")
    entry = LogEntry.objects.get_for_model(ApiToken).get()
    assert entry.actor == office and entry.additional_data["kanaal"] == "cli"


def test_a_command_without_as_records_the_operating_system_account(register, make_user):
    make_user("province_steward", province="PV25", name="gld")
    _koers("tokens", "create", "--user", "gld")
    entry = LogEntry.objects.get_for_model(ApiToken).get()
    assert entry.actor is None
    assert entry.additional_data["os_gebruiker"] == getpass.getuser()
    assert actor_label(entry).startswith(f"cli:{getpass.getuser()}@")


def test_an_unknown_as_user_is_refused_before_anything_changes(register, make_user):
    make_user("province_steward", province="PV25", name="gld")
    result = CliRunner().invoke(cli, ["--as", "niemand", "tokens", "create", "--user", "gld"])
    assert result.exit_code == 1 and "niemand" in result.output
    assert not ApiToken.objects.exists()


@pytest.fixture
def catalogue(register):
    from koers.indicators.catalogue import load_catalogue

    load_catalogue()


def test_import_publish_records_the_person_on_the_delivery_and_every_entry(
    catalogue, make_user, shared_data
):
    from koers.deliveries.models import Delivery

    analyst = make_user("analyst", name="bij12-analist")
    _koers("--as", "bij12-analist", "import", str(shared_data / "cbs" / WIND), "--publish")
    delivery = Delivery.objects.get()
    assert delivery.status == "published" and delivery.submitted_by == analyst
    notes = list(delivery.transitions.order_by("pk").values_list("note", flat=True))
    assert notes[-1] == "koers import --publish (bij12-analist)"
    entries = LogEntry.objects.filter(timestamp__gte=delivery.received_at)
    assert entries.exists() and {entry.actor for entry in entries} == {analyst}


def test_import_publish_without_as_names_the_operating_system_account(catalogue, shared_data):
    from koers.deliveries.models import Delivery

    _koers("import", str(shared_data / "cbs" / WIND), "--publish")
    delivery = Delivery.objects.get()
    assert (
        delivery.transitions.order_by("pk").last().note
        == f"koers import --publish (cli:{getpass.getuser()})"
    )
    entries = LogEntry.objects.get_for_object(delivery)
    assert {entry.additional_data["os_gebruiker"] for entry in entries} == {getpass.getuser()}


def test_work_done_for_someone_names_them_inside_an_outer_command_context(register, make_user):
    from koers.accounts.audit import acting_for, command_line_actor

    steward = make_user("province_steward", province="PV25", name="gld")
    with command_line_actor(None):
        with acting_for(steward, kanaal="job", job="42"):
            RoleAssignment.objects.create(user=steward, role="reader")
        job = LogEntry.objects.get_for_model(RoleAssignment).latest("pk")
        RoleAssignment.objects.create(user=steward, role="analyst")  # after the job
        after = LogEntry.objects.get_for_model(RoleAssignment).latest("pk")
    assert job.actor == steward and job.additional_data == {"kanaal": "job", "job": "42"}
    assert after.actor is None and after.additional_data["kanaal"] == "cli"
