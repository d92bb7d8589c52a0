"""The delivery page shows competing and stale deliveries and offers to validate again."""

import pytest
from django.urls import reverse

from koers.deliveries.ingest.shipped import MAPPINGS_DIR
from koers.deliveries.models import Delivery
from koers.deliveries.storing import receive
from koers.deliveries.workflow import transition


def _deliver(path, steward):
    return receive(path, mapping_path=MAPPINGS_DIR / "cbs-70960ned.yaml", province="PV25",
                   user=steward, channel="ui")  # fmt: skip


@pytest.fixture
def competing(steward, gelderland, make_user):
    first, _ = gelderland(bad="150", name="70960ned_eerste.csv")
    second, _ = gelderland(bad="151", name="70960ned_tweede.csv")
    return _deliver(first, steward), _deliver(second, steward)


def test_a_pending_delivery_lists_its_competitors(client, steward, competing):
    first, second = competing
    client.force_login(steward)
    html = client.get(reverse("workspace:delivery", args=[first.pk])).content.decode()
    assert "Concurrerende aanleveringen" in html
    assert reverse("workspace:delivery", args=[second.pk]) in html
    assert "Verouderd" not in html


def test_a_stale_delivery_offers_to_validate_again_instead_of_approving(
    client, steward, competing, make_user
):
    first, second = competing
    for status in ("submitted", "approved", "published"):
        transition(first, status, user=None)
    transition(second, "submitted", user=None)
    colleague = make_user("province_steward", province="PV25", name="collega")
    client.force_login(colleague)
    page = client.get(reverse("workspace:delivery", args=[second.pk])).content.decode()
    assert "Verouderd" in page and "Opnieuw valideren" in page
    assert 'value="approved"' not in page  # no approve button while stale
    refused = client.post(reverse("workspace:transition", args=[second.pk]), {"to": "approved"},
                          follow=True)  # fmt: skip
    assert "verouderd" in refused.content.decode()
    assert Delivery.objects.get(pk=second.pk).status == "submitted"
    response = client.post(reverse("workspace:revalidate", args=[second.pk]))
    fresh = Delivery.objects.latest("pk")
    assert response.status_code == 302 and response["Location"].endswith(f"/{fresh.pk}")
    assert Delivery.objects.get(pk=second.pk).status == "withdrawn"
    fresh.refresh_from_db()
    assert fresh.status == "validated" and fresh.file_id == second.file_id
    page = client.get(reverse("workspace:delivery", args=[fresh.pk])).content.decode()
    assert "Verouderd" not in page
