"""Who may open and post what in the workspace: the permission matrix, scope and CSRF."""

import re

import pytest
from django.urls import reverse

from koers.analytics.store import aggregates
from koers.deliveries.models import Delivery, StoredFile
from koers.indicators.models import Target
from koers.workspace.uploads import receive_upload

PAGES = [
    "workspace:home",
    "workspace:deliver",
    "workspace:completeness",
    "workspace:publish",
    "workspace:analytics",
    "workspace:goals",
    "workspace:targets",
    "workspace:target-create",
    "workspace:audit-log",
    "workspace:accounts",
]

#: role → the pages (GET) it may open; every other page answers 403
ALLOWED = {
    "programme_office": set(PAGES),
    "analyst": {
        "workspace:home",
        "workspace:deliver",
        "workspace:completeness",
        "workspace:publish",
        "workspace:analytics",
    },
    "province_steward": {"workspace:home", "workspace:deliver"},
    "theme_lead": {"workspace:home"},
    "reader": set(),
    None: set(),
}


@pytest.fixture
def user_in(catalogue, make_user):
    def make(role):
        return make_user(role, province="PV25" if role == "province_steward" else None)

    return make


def test_anonymous_visitors_are_sent_to_the_login_page(client, catalogue):
    for name in PAGES:
        response = client.get(reverse(name))
        assert response.status_code == 302, name
        assert response["Location"].startswith("/inloggen?next=/werkruimte/"), name
    posted = client.post(reverse("workspace:upload"), {"province": "PV25"})
    assert posted.status_code == 302 and posted["Location"].startswith("/inloggen")


@pytest.mark.parametrize("role", list(ALLOWED))
def test_each_role_opens_exactly_its_own_pages(client, user_in, role):
    client.force_login(user_in(role))
    for name in PAGES:
        expected = 200 if name in ALLOWED[role] else 403
        if name == "workspace:home" and not ALLOWED[role]:
            expected = 302  # no workspace: on to the public home page
        assert client.get(reverse(name)).status_code == expected, (role, name)


@pytest.mark.parametrize(
    ("role", "lands_on"), [("province_steward", "/werkruimte/"), ("reader", "/")]
)
def test_after_logging_in_people_land_in_their_workspace(client, user_in, role, lands_on):
    user = user_in(role)
    user.set_password("correct horse battery")
    user.save()
    response = client.post(
        reverse("login"),
        {"username": user.username, "password": "correct horse battery"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == lands_on
    assert response.status_code == 200


@pytest.mark.parametrize("role", list(ALLOWED))
def test_the_sub_navigation_links_only_to_pages_the_role_may_open(client, user_in, role):
    if not ALLOWED[role]:
        return
    client.force_login(user_in(role))
    html = client.get(reverse("workspace:home")).content.decode()
    nav = html.split('class="ws-tabs"')[1].split("</nav>")[0]
    linked = set(re.findall(r'href="([^"]+)"', nav))
    assert linked == {reverse(name) for name in ALLOWED[role] - {"workspace:target-create"}}


def test_a_steward_of_utrecht_cannot_deliver_for_gelderland(
    client, make_user, catalogue, gelderland
):
    utrecht = make_user("province_steward", province="PV26", name="steward-utrecht")
    client.force_login(utrecht)
    path, _ = gelderland()
    with path.open("rb") as handle:
        response = client.post(
            reverse("workspace:upload"), {"province": "PV25", "file": handle, "mapping": ""}
        )
    assert response.status_code == 403
    assert not Delivery.objects.exists() and not StoredFile.objects.exists()
    with path.open("rb") as handle:  # nor for no province at all (a national file)
        response = client.post(reverse("workspace:upload"), {"file": handle})
    assert response.status_code == 403
    template = client.get(
        reverse("workspace:template"),
        {"province": "PV25", "indicators": "wind_vermogen", "period": "2024", "file_format": "csv"},
    )
    assert template.status_code == 403


def test_a_steward_of_utrecht_cannot_see_or_move_a_gelderland_delivery(
    client, make_user, steward, gelderland
):
    path, _ = gelderland()
    with path.open("rb") as handle:
        from django.core.files.uploadedfile import SimpleUploadedFile

        upload = SimpleUploadedFile(path.name, handle.read())
    delivery = receive_upload(upload, province="PV25", user=steward)
    assert delivery.status == "validated"
    client.force_login(make_user("province_steward", province="PV26", name="steward-utrecht"))
    assert client.get(reverse("workspace:delivery", args=[delivery.pk])).status_code == 403
    moved = client.post(reverse("workspace:transition", args=[delivery.pk]), {"to": "submitted"})
    assert moved.status_code == 403
    delivery.refresh_from_db()
    assert delivery.status == "validated"
    assert delivery.transitions.count() == 1


def test_stewards_and_readers_cannot_refresh_or_manage_targets(client, user_in):
    from koers.areas.models import Area
    from koers.indicators.models import Indicator

    target = {
        "indicator": Indicator.objects.get(code="wind_vermogen").pk,
        "area": Area.objects.get(code="PV25").pk,
        "breakdown": "_T",
        "baseline_year": 2020,
        "target_value": 500,
        "target_year": 2030,
        "direction": 1,
    }
    for role in ("province_steward", "reader", "analyst"):
        client.force_login(user_in(role))
        assert client.post(reverse("workspace:target-create"), target).status_code == 403
        if role != "analyst":
            assert client.post(reverse("workspace:refresh")).status_code == 403
    assert not Target.objects.exists()
    assert aggregates("wind_vermogen").num_rows == 0


def test_every_post_form_carries_a_csrf_token(client, user_in, make_user):
    office, steward = user_in("programme_office"), user_in("province_steward")
    for user, names in (
        (office, ALLOWED["programme_office"]),
        (steward, ALLOWED["province_steward"]),
    ):
        client.force_login(user)
        for name in names:
            html = client.get(reverse(name)).content.decode()
            forms = re.findall(r'<form[^>]*method="post".*?</form>', html, flags=re.S)
            for form in forms:
                assert "csrfmiddlewaretoken" in form, (name, form[:200])


def test_a_post_without_the_csrf_token_is_refused(catalogue, make_user, gelderland):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user("province_steward", province="PV25", name="s"))
    path, _ = gelderland()
    with path.open("rb") as handle:
        response = client.post(reverse("workspace:upload"), {"province": "PV25", "file": handle})
    assert response.status_code == 403
    assert not Delivery.objects.exists()


def test_the_workspace_also_answers_in_english(client, user_in):
    from django.utils import translation

    client.force_login(user_in("programme_office"))
    with translation.override("nl"):  # requests under /en/ switch the thread's language
        for name in sorted(ALLOWED["programme_office"]):
            with translation.override("en"):
                url = reverse(name)
            assert url.startswith("/en/werkruimte/")
            response = client.get(url)
            assert response.status_code == 200, name
            assert '<html lang="en">' in response.content.decode(), name
