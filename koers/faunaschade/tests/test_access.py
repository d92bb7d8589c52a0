"""Claims hold personal data: only a claims handler reaches them, in the UI as in code."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "province"),
    [("programme_office", None), ("province_steward", "PV22"), ("analyst", None), ("reader", None)],
)
def test_other_roles_get_403_on_every_claims_page(client, register, make_user, role, province):
    user = make_user(role, province=province, name=f"u-{role}")
    client.force_login(user)
    for path in ("/faunaschade/behandeling/", "/faunaschade/behandeling/nieuw"):
        assert client.get(path).status_code == 403, (role, path)
    assert client.post("/faunaschade/behandeling/nieuw", {}).status_code == 403


def test_anonymous_visitors_are_sent_to_the_login(client, register):
    response = client.get("/faunaschade/behandeling/")
    assert response.status_code == 302 and response["Location"].startswith("/inloggen")


def test_the_handler_sees_the_list_and_a_bad_form_is_a_message_not_an_error(
    client, register, make_user
):
    client.force_login(make_user("claims_handler", name="behandelaar"))
    assert client.get("/faunaschade/behandeling/").status_code == 200
    response = client.post("/faunaschade/behandeling/nieuw", {"kvk": "123"})
    assert response.status_code == 400
    assert "Controleer de gemarkeerde velden" in response.content.decode()


def test_the_monitor_and_the_regimes_are_public(client, register):
    assert client.get("/faunaschade/").status_code == 200
    assert client.get("/en/faunaschade/regelingen/").status_code == 200
