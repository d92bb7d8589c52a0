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


@pytest.mark.parametrize(
    ("role", "province"),
    [("programme_office", None), ("province_steward", "PV22"), ("theme_lead", None)],
)
def test_nobody_but_a_handler_reaches_a_claim_by_its_url(
    client, register, make_user, role, province
):
    from koers.faunaschade import claims
    from koers.faunaschade.tests.test_claims import EXAMPLE, untaxed

    handler = make_user("claims_handler", name="behandelaar")
    claim = claims.submit(untaxed(EXAMPLE), user=handler, applicant="Maatschap De Vries")
    client.force_login(make_user(role, province=province, name=f"u-{role}"))
    url = f"/faunaschade/behandeling/{claim.pk}"
    assert client.get(url).status_code == 403
    assert client.post(url, {"stap": "taxatie"}).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302
    assert "Maatschap" not in client.get("/api/v1/faunaschade-cijfers").content.decode()


@pytest.mark.parametrize(
    "query", ["datum=9999-12-31", "datum=0001-01-01", "datum=2025-13-45", "provincie=<script>"]
)
def test_odd_queries_on_the_open_resources_are_answers_not_errors(client, register, query):
    assert client.get(f"/api/v1/faunaschade-regelingen?{query}").status_code in (200, 400)
    response = client.get(f"/faunaschade/regelingen/?{query}")
    assert response.status_code in (200, 400)
    assert "<script>" not in response.content.decode()


def test_a_province_sees_its_own_claims_in_aggregate_and_nobody_elses(client, register, make_user):
    from datetime import date
    from decimal import Decimal

    from koers.faunaschade import claims
    from koers.faunaschade.tests.test_claims import EXAMPLE, untaxed

    handler = make_user("claims_handler", name="behandelaar")
    claim = claims.submit(untaxed(EXAMPLE), user=handler, applicant="Maatschap De Vries")  # PV22
    items = list(claim.items.all())
    claims.record_taxation(
        claim, {i.pk: Decimal("1000.00") for i in items}, taxed_on=date(2025, 3, 1), user=handler
    )
    claims.decide(
        claim, decided_on=date(2025, 3, 10), user=handler, payout=Decimal("777.77"), reason="t"
    )
    client.force_login(make_user("province_steward", province="PV22", name="drenthe"))
    html = client.get("/faunaschade/provincie/PV22").content.decode()
    assert "777,77" in html  # one claim: hidden on the public monitor, not from its province
    assert "Maatschap" not in html and "NL91" not in html  # aggregates, never the claim
    assert client.get("/faunaschade/provincie/PV25").status_code == 403
    client.force_login(make_user("analyst", name="analist"))
    assert client.get("/faunaschade/provincie/PV22").status_code == 403
