"""A token limited to one province sees only that province's deliveries, whoever holds it."""

import pytest

from koers.areas.models import Area
from koers.deliveries.models import Delivery, StoredFile


@pytest.fixture
def two_deliveries(register):
    def delivery(code: str) -> Delivery:
        stored = StoredFile.objects.create(sha256=code * 16, name=f"{code}.csv", size=1)
        return Delivery.objects.create(
            file=stored, province=Area.objects.get(code=code), channel="api", status="validated"
        )

    return delivery("PV25"), delivery("PV26")


def _seen(client) -> set[str]:
    response = client.get("/api/v1/aanleveringen")
    assert response.status_code == 200, response.content[:300]
    return {row["provincie"] for row in response.json()["resultaten"]}


def test_an_analysts_token_for_one_province_lists_only_that_province(
    two_deliveries, make_user, token_client
):
    analyst = make_user("analyst", name="bij12")
    assert _seen(token_client(analyst, scope="read")) == {"PV25", "PV26"}
    assert _seen(token_client(analyst, scope="read", province="PV25")) == {"PV25"}


def test_a_stewards_own_upload_elsewhere_is_not_seen_through_a_token_for_one_province(
    two_deliveries, make_user, token_client
):
    steward = make_user("province_steward", province="PV25", name="gld")
    Delivery.objects.filter(province__code="PV26").update(submitted_by=steward)
    assert _seen(token_client(steward, scope="read")) == {"PV25", "PV26"}
    assert _seen(token_client(steward, scope="read", province="PV25")) == {"PV25"}
