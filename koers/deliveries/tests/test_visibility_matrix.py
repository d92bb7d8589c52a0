"""One rule for who sees a delivery, walked through every place that shows deliveries.

Role × scope: programme office, analyst, steward of Gelderland (PV25), steward of Utrecht
(PV24)… each must see the same deliveries in the API list and detail, the workspace list
and detail, the admin changelist and the completeness rows.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from koers.deliveries.completeness import completeness_for
from koers.deliveries.models import Delivery, StoredFile

ROLES = [
    "programme_office",
    "analyst",
    "steward PV25",
    "steward PV24",
    "theme_lead",
    "reader",
    "anonymous",
    "superuser",
]

#: role → the deliveries it sees (names from the ``deliveries`` fixture)
SEES = {
    "programme_office": {"gelderland", "utrecht", "national by PV25", "national by analyst"},
    "analyst": {"gelderland", "utrecht", "national by PV25", "national by analyst"},
    "superuser": {"gelderland", "utrecht", "national by PV25", "national by analyst"},
    "steward PV25": {"gelderland", "national by PV25"},
    "steward PV24": {"utrecht"},
    "theme_lead": set(),
    "reader": set(),
    "anonymous": set(),
}

ALL_PROVINCES = {f"PV{n}" for n in range(20, 32)}
COMPLETENESS = {
    "programme_office": ALL_PROVINCES,
    "analyst": ALL_PROVINCES,
    "superuser": ALL_PROVINCES,
    "steward PV25": {"PV25"},
    "steward PV24": {"PV24"},
    "theme_lead": set(),
    "reader": set(),
    "anonymous": set(),
}


@pytest.fixture
def people(catalogue, make_user, django_user_model):
    """Every role, all marked staff so the admin's own scope is what is tested."""
    return {
        "programme_office": make_user("programme_office", staff=True, name="ipo"),
        "analyst": make_user("analyst", staff=True, name="bij12"),
        "steward PV25": make_user("province_steward", province="PV25", staff=True, name="gld"),
        "steward PV24": make_user("province_steward", province="PV24", staff=True, name="utr"),
        "theme_lead": make_user("theme_lead", staff=True, name="bac"),
        "reader": make_user("reader", staff=True, name="lezer"),
        "anonymous": None,
        "superuser": django_user_model.objects.create_superuser("root", "", "correct horse 1"),
    }


@pytest.fixture
def deliveries(people) -> dict[str, Delivery]:
    from koers.areas.models import Area

    def make(name: str, province: str | None, by) -> Delivery:
        file = StoredFile.objects.create(sha256=f"{len(name):02d}{name}".ljust(64, "0")[:64],
                                         name=f"{name}.csv", size=1)  # fmt: skip
        area = Area.objects.get(code=province) if province else None
        return Delivery.objects.create(
            file=file, province=area, channel="web", status="validated", submitted_by=by
        )

    return {
        "gelderland": make("gelderland", "PV25", people["steward PV25"]),
        "utrecht": make("utrecht", "PV24", people["steward PV24"]),
        "national by PV25": make("national-pv25", None, people["steward PV25"]),
        "national by analyst": make("national-bij12", None, people["analyst"]),
    }


def _client(client, user):
    if user is not None:
        client.force_login(user)
    return client


def _names(deliveries, pks) -> set[str]:
    return {name for name, delivery in deliveries.items() if delivery.pk in set(pks)}


@pytest.mark.parametrize("role", ROLES)
def test_the_queryset_gives_each_role_its_deliveries(people, deliveries, role):
    visible = Delivery.objects.visible_to(people[role]).values_list("pk", flat=True)
    assert _names(deliveries, visible) == SEES[role]


@pytest.mark.parametrize("role", ROLES)
def test_the_api_list_and_detail_agree_with_the_rule(client, people, deliveries, role):
    api = _client(client, people[role])
    listed = api.get("/api/v1/aanleveringen?pageSize=100")
    if people[role] is None:
        assert listed.status_code in (401, 403)
    else:
        assert listed.status_code == 200
        assert _names(deliveries, [d["id"] for d in listed.json()["resultaten"]]) == SEES[role]
    opened = {
        name
        for name, delivery in deliveries.items()
        if api.get(f"/api/v1/aanleveringen/{delivery.pk}").status_code == 200
    }
    assert opened == SEES[role]


@pytest.mark.parametrize("role", ROLES)
def test_the_workspace_list_and_detail_agree_with_the_rule(client, people, deliveries, role):
    web = _client(client, people[role])
    page = web.get(reverse("workspace:deliver"))
    listed = {d.pk for d in page.context["deliveries"]} if page.status_code == 200 else set()
    assert _names(deliveries, listed) == SEES[role]
    opened = {
        name
        for name, delivery in deliveries.items()
        if web.get(reverse("workspace:delivery", args=[delivery.pk])).status_code == 200
    }
    assert opened == SEES[role]


@pytest.mark.parametrize("role", ROLES)
def test_the_admin_changelist_agrees_with_the_rule(client, people, deliveries, role):
    admin = _client(client, people[role])
    page = admin.get("/beheer/deliveries/delivery/")
    listed = [d.pk for d in page.context["cl"].result_list] if page.status_code == 200 else []
    assert _names(deliveries, listed) == SEES[role]
    files = admin.get("/beheer/deliveries/storedfile/")
    names = {f.name for f in files.context["cl"].result_list} if files.status_code == 200 else set()
    assert names == {deliveries[name].file.name for name in SEES[role]}


@pytest.mark.parametrize("role", ROLES)
def test_completeness_shows_the_provinces_whose_deliveries_the_role_sees(
    client, people, deliveries, role
):
    user = people[role]
    assert {row["province"] for row in completeness_for(user)} == COMPLETENESS[role]
    answer = _client(client, user).get("/api/v1/verwachte-aanleveringen?pageSize=100")
    if COMPLETENESS[role]:
        assert answer.status_code == 200
    else:
        assert answer.status_code in (401, 403)
