"""/faunaschade-aanvragen: a claims system with a claims handler's token, and nobody else."""

from __future__ import annotations

import json

import pytest
from rest_framework.test import APIClient

from koers.accounts.tokens import issue_token
from koers.faunaschade.models import Claim
from koers.faunaschade.tests.test_claims import EXAMPLE, untaxed

pytestmark = pytest.mark.django_db
URL = "/api/v1/faunaschade-aanvragen"


def client_for(user, scope: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {issue_token(user.username, scope=scope)[1]}")
    return client


@pytest.fixture
def handler(register, make_user):
    return make_user("claims_handler", name="behandelaar")


def application() -> dict:
    data = untaxed(EXAMPLE)
    data["aanvrager"]["naam"] = "Maatschap De Vries"
    return data


def test_a_claims_system_submits_and_reads_claims(handler) -> None:
    api = client_for(handler, "claims")
    created = api.post(URL, application(), format="json")
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["aanvrager"] == "Maatschap De Vries" and body["status"] == "ingediend"
    assert api.get(URL).json()["totaal"] == 1
    assert api.get(f"{URL}/{body['id']}").json()["iban"] == "NL91ABNA0417164300"


def test_a_bad_application_is_a_problem_naming_the_field(handler) -> None:
    data = application()
    data["schadeposten"][0]["soort"] = "draak"
    response = client_for(handler, "claims").post(URL, data, format="json")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert "schadeposten[0].soort" in response.json()["detail"]
    assert not Claim.objects.exists()


@pytest.mark.parametrize(
    ("role", "scope"),
    [
        ("claims_handler", "read"),  # the right person, a token without the claims scope
        ("claims_handler", "deliver"),
        ("programme_office", "claims"),  # a claims token of someone who is no claims handler
        ("analyst", "claims"),
    ],
)
def test_nobody_else_reaches_a_claim(register, make_user, handler, role, scope) -> None:
    from koers.faunaschade import claims

    claim = claims.submit(untaxed(EXAMPLE), user=handler, applicant="Boer")
    user = handler if role == "claims_handler" else make_user(role, name=f"u-{role}")
    api = client_for(user, scope)
    for response in (
        api.get(URL),
        api.get(f"{URL}/{claim.pk}"),
        api.post(URL, application(), format="json"),
    ):
        assert response.status_code == 403, (role, scope, response.status_code)
        assert "NL91" not in json.dumps(response.json())
    anonymous = APIClient().get(URL)
    assert anonymous.status_code in (401, 403)
