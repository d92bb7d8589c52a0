"""`koers deliveries list` and `koers publish`, run as an operator types them."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from koers.cli import cli
from koers.deliveries.models import Delivery
from koers.deliveries.storing import receive
from koers.deliveries.workflow import transition


@pytest.fixture
def stored(catalogue, wind) -> Delivery:
    return receive(wind, channel="cli")


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_deliveries_list_shows_each_delivery_with_its_status(stored):
    result = run("deliveries", "list")
    assert result.exit_code == 0
    line = result.output.splitlines()[1]
    assert str(stored.pk) in line and "validated" in line and stored.file.name in line
    as_json = json.loads(run("deliveries", "list", "--format", "json").output)
    assert as_json[0]["delivery"] == stored.pk and as_json[0]["status"] == "validated"
    assert (
        json.loads(run("deliveries", "list", "--status", "published", "--format", "json").output)
        == []
    )


def test_publish_refuses_a_delivery_that_is_not_approved_in_one_line(stored):
    result = CliRunner().invoke(cli, ["publish", str(stored.pk)])
    assert result.exit_code != 0
    assert f"delivery {stored.pk} is validated" in result.output
    stored.refresh_from_db()
    assert stored.status == "validated"


def test_publish_publishes_an_approved_delivery(stored):
    for status in ("submitted", "approved"):
        stored = transition(stored, status, user=None)
    result = run("publish", str(stored.pk))
    assert result.exit_code == 0, result.output
    assert f"delivery {stored.pk}: published" in result.output
    stored.refresh_from_db()
    assert stored.status == "published"


def test_publish_names_a_delivery_that_does_not_exist(stored):
    result = CliRunner().invoke(cli, ["publish", "999999"])
    assert result.exit_code != 0
    assert "delivery 999999 does not exist" in result.output
