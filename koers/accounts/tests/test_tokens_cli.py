"""`koers tokens`: create (printed once), list, revoke; both ends are in the audit log."""

import json
from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from click.testing import CliRunner
from django.utils import timezone

from koers.accounts.models import ApiToken
from koers.cli import cli


def _koers(*args, code=0):
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == code, result.output
    return result


@pytest.fixture
def office(register, make_user):
    make_user("province_steward", province="PV25", name="gld")
    return make_user("programme_office", name="ipo-bureau")


def test_create_prints_the_token_once_and_keeps_only_its_hash(office):
    result = _koers(
        "--as", "ipo-bureau", "tokens", "create", "--user", "gld", "--scope", "deliver",
        "--province", "PV25", "--expires", "90d", "--name", "GIS-koppeling",
    )  # fmt: skip
    text = result.stdout.strip()
    row = ApiToken.objects.get()
    assert text.startswith(row.token_key) and row.digest != text
    assert (row.scope, row.province.code, row.name) == ("deliver", "PV25", "GIS-koppeling")
    assert abs(row.expiry - (timezone.now() + timedelta(days=90))) < timedelta(minutes=1)

    listed = _koers("tokens", "list").stdout
    assert row.token_key in listed and text not in listed and "PV25" in listed
    rows = json.loads(_koers("tokens", "list", "--format", "json").stdout)
    assert [(r["key"], r["user"], r["expired"]) for r in rows] == [(row.token_key, "gld", False)]


def test_revoke_deletes_the_token_and_the_audit_log_has_both_ends(office):
    _koers("--as", "ipo-bureau", "tokens", "create", "--user", "gld")
    key = ApiToken.objects.get().token_key
    assert "revoked" in _koers("--as", "ipo-bureau", "tokens", "revoke", key).stdout
    assert not ApiToken.objects.exists()
    entries = LogEntry.objects.get_for_model(ApiToken).order_by("pk")
    assert [(e.action, e.actor) for e in entries] == [
        (LogEntry.Action.CREATE, office),
        (LogEntry.Action.DELETE, office),
    ]
    assert all("digest" not in (e.changes_dict or {}) for e in entries)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--expires", "400d"], "at most 366 days"),
        (["--expires", "soon"], "e.g. 90d"),
        (["--province", "PV99"], "not a province"),
        (["--user", "niemand"], "no active user"),
    ],
)
def test_a_token_koers_cannot_issue_is_one_clear_line(office, args, message):
    user = [] if "--user" in args else ["--user", "gld"]
    result = _koers("tokens", "create", *user, *args, code=1)
    assert message in result.output and "Traceback" not in result.output
    assert not ApiToken.objects.exists()


def test_revoking_an_unknown_key_says_so(office):
    assert "no token" in _koers("tokens", "revoke", "koers_000000000", code=1).output
