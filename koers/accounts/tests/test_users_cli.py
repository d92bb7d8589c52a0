"""`koers users create` and `koers users grant`: the first account, as an operator makes it."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from django.contrib.auth import get_user_model

from koers.accounts.models import RoleAssignment
from koers.accounts.permissions import Action, can
from koers.cli import cli

PASSWORD = "een lang en sterk wachtwoord\n"


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(cli, list(args), input=stdin)


def test_the_first_account_can_sign_in_with_its_role(register, client):
    result = run("users", "create", "bureau", "--role", "programme_office", "--password-stdin",
                 stdin=PASSWORD)  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "user bureau created as programme_office" in result.output
    user = get_user_model().objects.get(username="bureau")
    assert can(user, Action.PUBLISH_DELIVERY)
    signed_in = client.post("/inloggen", {"username": "bureau", "password": PASSWORD.strip()})
    assert signed_in.status_code == 302, signed_in.content[:500]


def test_a_steward_gets_the_province_and_a_theme_lead_the_themes(register):
    run("users", "create", "gld", "--role", "province_steward", "--province", "PV25",
        "--password-stdin", stdin=PASSWORD)  # fmt: skip
    steward = get_user_model().objects.get(username="gld")
    assert can(steward, Action.UPLOAD_DELIVERY, province="PV25")
    assert not can(steward, Action.UPLOAD_DELIVERY, province="PV26")
    result = run("users", "grant", "gld", "--role", "theme_lead", "--theme", "2.1")
    assert result.exit_code == 0, result.output
    lead = RoleAssignment.objects.get(user=steward, role="theme_lead")
    assert [t.number for t in lead.themes.all()] == ["2.1"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--role", "province_steward"], "a province steward needs --province"),
        (["--role", "province_steward", "--province", "PV52"], "got 'PV52'"),
        (["--role", "theme_lead", "--theme", "9.9"], "a theme lead needs --theme"),
        (["--role", "analyst", "--province", "PV25"], "--province applies to province_steward"),
    ],
)
def test_a_role_without_its_scope_is_refused_in_one_line_and_nothing_is_made(
    register, args, message
):
    result = run("users", "create", "x", *args, "--password-stdin", stdin=PASSWORD)
    assert result.exit_code == 1
    assert message in result.output
    assert not get_user_model().objects.filter(username="x").exists()


def test_a_weak_password_is_refused_with_the_reason(register):
    result = run("users", "create", "zwak", "--role", "reader", "--password-stdin",
                 stdin="welkom\n")  # fmt: skip
    assert result.exit_code == 1
    assert "password refused" in result.output
    assert not get_user_model().objects.filter(username="zwak").exists()


def test_an_existing_name_points_to_grant(register):
    run("users", "create", "dubbel", "--role", "reader", "--password-stdin", stdin=PASSWORD)
    again = run("users", "create", "dubbel", "--role", "analyst", "--password-stdin",
                stdin=PASSWORD)  # fmt: skip
    assert again.exit_code == 1 and "koers users grant" in again.output
