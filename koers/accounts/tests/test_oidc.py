"""Single sign-on against a real OpenID Connect provider on localhost, over real HTTP.

oidc-provider-mock runs in a thread; Koers runs in Django's live server; a requests
session plays the browser through the authorization-code flow. Nothing in Koers is mocked.
"""

import pytest
import requests
from auditlog.models import LogEntry

from koers.accounts.claims import GrantedRole, RoleMapError, check_role_map, roles_from_claims
from koers.accounts.models import RoleAssignment

ROLE_MAP = {
    "gld-data": {"role": "province_steward", "province": "PV25"},
    "bij12-analisten": {"role": "analyst"},
}


@pytest.fixture
def provider():
    """A real OIDC provider on a free localhost port, requiring client registration."""
    from oidc_provider_mock import User, run_server_in_thread

    jan = User(
        sub="jan-0025",
        claims={
            "email": "jan@gelderland.nl",
            "preferred_username": "jan",
            "koers_rollen": ["gld-data", "iets-anders"],
        },
    )
    with run_server_in_thread(require_client_registration=True, user_claims=[jan]) as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture
def sso(provider, live_server, settings, register):
    """Koers registered as a client at the provider and configured as an operator would."""
    from koers.accounts.oidc import provider_metadata

    registered = requests.post(
        f"{provider}/oauth2/clients",
        json={"redirect_uris": [f"{live_server.url}/oidc/callback"]},
        timeout=10,
    )
    registered.raise_for_status()
    settings.OIDC_OP_ISSUER = provider
    settings.OIDC_RP_CLIENT_ID = registered.json()["client_id"]
    settings.OIDC_RP_CLIENT_SECRET = registered.json()["client_secret"]
    settings.KOERS_OIDC_ROLE_MAP = ROLE_MAP
    provider_metadata.cache_clear()
    yield provider
    provider_metadata.cache_clear()


def _sign_in(live_server, sub: str) -> requests.Response:
    browser = requests.Session()
    login_page = browser.get(f"{live_server.url}/inloggen", timeout=10)
    assert "Inloggen met uw organisatie" in login_page.text
    form = browser.get(f"{live_server.url}/oidc/inloggen?next=/werkruimte/", timeout=10)
    assert form.status_code == 200 and 'name="sub"' in form.text  # the provider's page
    landed = browser.post(form.url, data={"sub": sub}, timeout=30)
    landed.browser = browser
    return landed


@pytest.mark.django_db(transaction=True)
def test_a_steward_signs_in_with_the_provider_and_gets_the_mapped_role(sso, live_server):
    from django.contrib.auth import get_user_model

    landed = _sign_in(live_server, "jan-0025")

    assert landed.status_code == 200 and landed.url == f"{live_server.url}/werkruimte/"
    jan = get_user_model().objects.get(username="jan")
    assert jan.email == "jan@gelderland.nl" and not jan.has_usable_password()
    assert jan.oidc_identity.subject == "jan-0025" and jan.oidc_identity.issuer == sso
    roles = [(a.role, a.province.code, a.source) for a in jan.roles.all()]
    assert roles == [("province_steward", "PV25", "oidc")]  # "iets-anders" maps to nothing
    assert "jan" in landed.text  # the workspace greets a signed-in user
    entry = LogEntry.objects.get_for_object(jan.roles.get()).get()
    assert entry.actor == jan and entry.additional_data["kanaal"] == "oidc"


@pytest.mark.django_db(transaction=True)
def test_roles_follow_the_provider_at_every_login_and_local_roles_stay(sso, live_server):
    from django.contrib.auth import get_user_model

    _sign_in(live_server, "jan-0025")
    jan = get_user_model().objects.get(username="jan")
    RoleAssignment.objects.create(user=jan, role="reader")  # given by hand in the admin
    requests.put(
        f"{sso}/users/jan-0025",
        json={"preferred_username": "jan", "koers_rollen": ["bij12-analisten"]},
        timeout=10,
    ).raise_for_status()

    _sign_in(live_server, "jan-0025")

    assert get_user_model().objects.filter(username__startswith="jan").count() == 1
    roles = sorted((a.role, a.source) for a in jan.roles.all())
    assert roles == [("analyst", "oidc"), ("reader", "local")]


@pytest.mark.django_db(transaction=True)
def test_a_local_account_with_the_same_name_is_never_taken_over(sso, live_server, make_user):
    local = make_user("programme_office", name="jan")
    _sign_in(live_server, "jan-0025")
    local.refresh_from_db()
    assert not hasattr(local, "oidc_identity") or local.oidc_identity is None
    assert [a.role for a in local.roles.all()] == ["programme_office"]
    assert RoleAssignment.objects.get(source="oidc").user.username == "jan-2"


def test_without_configuration_there_is_no_single_sign_on(client, db):
    assert client.get("/oidc/inloggen").status_code == 404
    assert "Inloggen met" not in client.get("/inloggen").content.decode()


def test_claims_map_to_roles_and_unknown_values_to_nothing():
    claims = {"koers_rollen": ["gld-data", "onbekend", "bij12-analisten"]}
    assert roles_from_claims(claims, claim="koers_rollen", mapping=ROLE_MAP) == [
        GrantedRole("analyst"),
        GrantedRole("province_steward", "PV25"),
    ]
    assert roles_from_claims({"koers_rollen": "gld-data"}, claim="koers_rollen", mapping=ROLE_MAP)
    assert roles_from_claims({}, claim="koers_rollen", mapping=ROLE_MAP) == []


@pytest.mark.parametrize(
    "mapping",
    [
        [],
        {"x": {"role": "koning"}},
        {"x": {"role": "province_steward"}},
        {"x": {"role": "analyst", "province": "PV25"}},
    ],
)
def test_a_role_map_koers_cannot_use_is_refused(mapping):
    with pytest.raises(RoleMapError):
        check_role_map(mapping)


def test_a_role_map_koers_cannot_use_stops_a_command_in_one_line(tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "KOERS_DATA_DIR": str(tmp_path), "KOERS_OIDC_ROLE_MAP": '{"x": {}}'}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        # init: a command that needs no data yet, so the role map is the first thing checked
        [sys.executable, "-c", "from koers.cli import main; main()", "init"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("koers: error: KOERS_OIDC_ROLE_MAP['x']")
    assert result.stderr.count("\n") == 1
