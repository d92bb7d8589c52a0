"""Competing and stale deliveries (issue 10, "Versioning compares with the published state")."""

import pytest

from koers.deliveries.models import Coverage, Delivery
from koers.deliveries.revalidation import NotStale, revalidate
from koers.deliveries.staleness import standing
from koers.deliveries.storing import process, receive
from koers.deliveries.tests.conftest import publish, published_capacity_2020
from koers.deliveries.workflow import StaleDelivery, transition


@pytest.fixture
def deliver(catalogue, gelderland, mapping):
    def deliver(capacity, name):
        return receive(gelderland(capacity, name=name), mapping_path=mapping("70960"))

    return deliver


def test_a_delivery_records_every_pair_its_file_covered_changed_or_not(deliver):
    publish(deliver(None, "a.csv"))
    again = deliver(12, "b.csv")
    assert again.observations_created == 1  # only 2020's capacity changed
    pairs = set(
        Coverage.objects.filter(delivery=again).values_list("indicator__code", "area__code")
    )
    assert len(pairs) == 6 and {area for _, area in pairs} == {"PV25"}


def test_two_pending_deliveries_for_the_same_pairs_compete(deliver):
    b = deliver(12, "b.csv")
    c = deliver(13, "c.csv")
    assert standing(b).competing == [c.pk] and standing(c).competing == [b.pk]
    assert not standing(b).stale and not standing(c).stale


def test_publishing_one_makes_the_other_stale_and_it_cannot_be_approved_or_published(deliver):
    b = deliver(12, "b.csv")
    c = deliver(13, "c.csv")
    c = transition(c, "submitted", user=None)
    publish(b)
    state = standing(c)
    assert state.stale and state.stale_because == [b.pk]
    with pytest.raises(StaleDelivery, match="stale"):
        transition(c, "approved", user=None)
    c.refresh_from_db()
    assert c.status == "submitted"  # nothing changed; it can still be withdrawn
    assert published_capacity_2020() == [12]


def test_an_approved_delivery_that_became_stale_cannot_be_published(deliver):
    b = deliver(12, "b.csv")
    c = deliver(13, "c.csv")
    for status in ("submitted", "approved"):
        c = transition(c, status, user=None)
    publish(b)
    with pytest.raises(StaleDelivery):
        transition(c, "published", user=None)


def test_withdrawing_a_published_delivery_also_makes_competitors_stale(deliver):
    a = publish(deliver(10, "a.csv"))
    pending = deliver(10.5, "b.csv")
    transition(a, "withdrawn", user=None)
    assert standing(pending).stale_because == [a.pk]


def test_a_delivery_imported_after_a_publication_is_not_stale(deliver):
    publish(deliver(10, "a.csv"))
    later = deliver(12, "b.csv")
    assert not standing(later).stale
    publish(later)
    assert published_capacity_2020() == [12]


def test_validating_a_stale_delivery_again_compares_it_with_what_is_published_now(
    deliver, make_user
):
    analyst = make_user("analyst")
    b = deliver(12, "b.csv")
    stale = deliver(12, "c.csv")  # the same value as B: after B's publication nothing changes
    publish(b)
    fresh = process(revalidate(stale, user=analyst).pk)
    stale.refresh_from_db()
    assert stale.status == "withdrawn"
    assert stale.transitions.last().note == f"opnieuw gevalideerd als #{fresh.pk}"
    assert fresh.status == "validated" and not standing(fresh).stale
    assert fresh.observations_created == 0  # 12 is what is published now
    assert fresh.file_id == stale.file_id  # the kept original, not a new upload
    with pytest.raises(NotStale):
        revalidate(fresh, user=analyst)
    assert Delivery.objects.count() == 3


def test_the_api_answers_409_with_the_reason_when_a_stale_delivery_is_approved(deliver, make_user):
    from rest_framework.test import APIClient

    b = deliver(12, "b.csv")
    c = transition(deliver(13, "c.csv"), "submitted", user=None)
    publish(b)
    api = APIClient()
    api.force_login(make_user("analyst"))
    answer = api.post(f"/api/v1/aanleveringen/{c.pk}/status", {"status": "approved"},
                      format="json")  # fmt: skip
    assert answer.status_code == 409, answer.content
    assert answer["Content-Type"].startswith("application/problem+json")
    assert "stale" in answer.json()["detail"]


def test_the_api_shows_competing_deliveries_and_which_publication_made_one_stale(
    deliver, make_user
):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(make_user("analyst", name="bij12-analist"))
    b = deliver(12, "b.csv")
    c = deliver(13, "c.csv")

    body = api.get(f"/api/v1/aanleveringen/{c.pk}").json()
    assert (body["verouderd"], body["verouderdDoor"], body["concurrerend"]) == (False, [], [b.pk])

    publish(b)
    body = api.get(f"/api/v1/aanleveringen/{c.pk}").json()
    assert (body["verouderd"], body["verouderdDoor"], body["concurrerend"]) == (True, [b.pk], [])
    published = api.get(f"/api/v1/aanleveringen/{b.pk}").json()
    assert (published["verouderd"], published["concurrerend"]) == (False, [])


def test_the_api_names_no_competing_delivery_the_user_may_not_see(deliver, make_user):
    from rest_framework.test import APIClient

    from koers.areas.models import Area

    national = deliver(12, "b.csv")  # no province: a steward does not see it
    own = deliver(13, "c.csv")
    Delivery.objects.filter(pk=own.pk).update(province=Area.objects.get(code="PV25"))
    steward, analyst = APIClient(), APIClient()
    steward.force_authenticate(make_user("province_steward", province="PV25", name="gld"))
    analyst.force_authenticate(make_user("analyst", name="bij12-analist"))

    assert analyst.get(f"/api/v1/aanleveringen/{own.pk}").json()["concurrerend"] == [national.pk]
    assert steward.get(f"/api/v1/aanleveringen/{own.pk}").json()["concurrerend"] == []
