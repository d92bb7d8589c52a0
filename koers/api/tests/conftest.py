"""Fixtures for the API tests: clients with tokens, a province's file and published figures."""

from __future__ import annotations

import pytest

from koers.deliveries.ingest.shipped import MAPPINGS_DIR

WIND = "70960ned_windenergie_op_land.csv"


@pytest.fixture
def catalogue(register):
    from koers.indicators.catalogue import load_catalogue

    load_catalogue()


@pytest.fixture
def api():
    """A client that speaks JSON, as a province system or a browser script would."""
    from rest_framework.test import APIClient

    return APIClient()


@pytest.fixture
def token_client():
    """``token_client(user, scope=…, province=…)``: a client that sends ``Authorization:
    Token …`` with a real (hashed, scoped, expiring) token of ``user``; deliver by default."""
    from rest_framework.test import APIClient

    from koers.accounts.tokens import issue_token

    def make(user, *, scope="deliver", province=None):
        client = APIClient()
        client.token, text = issue_token(user.username, scope=scope, province=province)
        client.credentials(HTTP_AUTHORIZATION=f"Token {text}")
        return client

    return make


@pytest.fixture
def session_client():
    """``session_client(user)``: the API as the site's own pages use it, with a login session
    (a person: may approve and publish, which no token may)."""
    from rest_framework.test import APIClient

    def make(user):
        client = APIClient()
        client.force_login(user)
        return client

    return make


@pytest.fixture
def wind_file(shared_data):
    return shared_data / "cbs" / WIND


@pytest.fixture
def gelderland_file(wind_file, tmp_path):
    """The real CBS wind file cut down to Gelderland (PV25), as the province delivers it."""
    lines = wind_file.read_text(encoding="utf-8").splitlines(keepends=True)
    target = tmp_path / "gelderland-wind.csv"
    target.write_text(lines[0] + "".join(x for x in lines[1:] if ",PV25," in x), encoding="utf-8")
    return target


@pytest.fixture
def published_wind(catalogue, make_user, wind_file, django_capture_on_commit_callbacks):
    """The national CBS wind file, received, approved and published (figures refreshed)."""
    from koers.deliveries.storing import receive
    from koers.deliveries.workflow import transition

    analyst = make_user("analyst", name="bij12-analist")
    office = make_user("programme_office", name="ipo-bureau")
    delivery = receive(wind_file, mapping_path=MAPPINGS_DIR / "cbs-70960ned.yaml", user=analyst)
    transition(delivery, "submitted", user=analyst)
    transition(delivery, "approved", user=make_user("analyst", name="bij12-tweede"))  # four eyes
    with django_capture_on_commit_callbacks(execute=True):
        transition(delivery, "published", user=office)
    return delivery
