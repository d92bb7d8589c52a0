"""The programme office manages accounts and roles in the workspace, audited, with the same
functions as `koers users`; nobody else can."""

import pytest
from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from koers.accounts.models import RoleAssignment
from koers.accounts.permissions import Action, can

PASSWORD = "een lang en sterk wachtwoord"


@pytest.fixture
def office(catalogue, make_user):
    user = make_user("programme_office", name="bureau")
    client = Client()
    client.force_login(user)
    return client, user


def create(client, **fields):
    data = {"username": "nieuw", "email": "", "password": PASSWORD, "role": "province_steward"}
    return client.post(reverse("workspace:accounts"), {**data, **fields})


def test_the_office_creates_a_steward_who_can_sign_in_and_deliver(office):
    client, bureau = office
    response = create(client, username="gld-nieuw", province="PV25")
    person = get_user_model().objects.get(username="gld-nieuw")
    assert response["Location"] == reverse("workspace:account", args=[person.pk])
    assert can(person, Action.UPLOAD_DELIVERY, province="PV25")
    assert not can(person, Action.UPLOAD_DELIVERY, province="PV26")
    listing = client.get(reverse("workspace:accounts")).content.decode()
    assert "datasteward provincie Gelderland" in listing
    signed_in = Client().post(
        reverse("login"), {"username": "gld-nieuw", "password": PASSWORD}, follow=True
    )
    assert signed_in.redirect_chain[-1][0] == reverse("workspace:home")
    logged = LogEntry.objects.get_for_model(RoleAssignment).filter(
        object_repr__contains="gld-nieuw"
    )
    assert [entry.actor for entry in logged] == [bureau]  # audited, with the office as actor


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"province": ""}, "province", "Een datasteward hoort bij één provincie"),
        ({"role": "analyst", "province": "PV25"}, "province", "Alleen een datasteward"),
        ({"role": "theme_lead"}, "themes", "Een themasecretaris hoort bij een of meer"),
        ({"username": "bureau", "province": "PV25"}, "username", "bestaat al"),
        ({"password": "kort", "province": "PV25"}, "password", "te kort"),
    ],
)
def test_a_new_account_that_breaks_a_rule_is_explained_in_dutch(office, fields, field, message):
    client, _ = office
    response = create(client, **fields)
    assert response.status_code == 400
    assert message in " ".join(str(e) for e in response.context["form"].errors[field])
    assert not get_user_model().objects.filter(username="nieuw").exists()


def test_grant_revoke_and_deactivate(office, make_user):
    client, bureau = office
    person = make_user("province_steward", province="PV25", name="wisselaar")
    url = reverse("workspace:account", args=[person.pk])
    client.post(url, {"action": "grant", "role": "analyst"})
    client.post(url, {"action": "revoke", "role": "province_steward", "province": "PV25"})
    assert list(person.roles.values_list("role", flat=True)) == ["analyst"]
    page = client.post(url, {"action": "deactivate"}, follow=True).content.decode()
    assert "wisselaar is uitgeschakeld en kan niet meer inloggen." in page
    person.refresh_from_db()
    assert not person.is_active
    person.set_password(PASSWORD)
    person.save()
    refused = Client().post(reverse("login"), {"username": "wisselaar", "password": PASSWORD})
    assert refused.status_code == 200  # the login form again, not a redirect
    changes = LogEntry.objects.get_for_object(person).filter(actor=bureau)
    assert any("is_active" in entry.changes_dict for entry in changes)


def test_the_office_cannot_lock_itself_out(office):
    client, bureau = office
    url = reverse("workspace:account", args=[bureau.pk])
    page = client.post(url, {"action": "deactivate"}, follow=True).content.decode()
    assert "U kunt uw eigen account niet uitschakelen" in page
    revoke = {"action": "revoke", "role": "programme_office", "province": ""}
    page = client.post(url, revoke, follow=True).content.decode()
    assert "U kunt uw eigen rol programmabureau niet intrekken" in page
    bureau.refresh_from_db()
    assert bureau.is_active and bureau.roles.filter(role="programme_office").exists()


@pytest.mark.parametrize("role", ["province_steward", "analyst", "theme_lead"])
def test_nobody_else_manages_accounts(catalogue, make_user, role):
    user = make_user(role, province="PV25" if role == "province_steward" else None)
    client = Client()
    client.force_login(user)
    assert client.get(reverse("workspace:accounts")).status_code == 403
    assert create(client, province="PV25").status_code == 403
    grant = {"action": "grant", "role": "programme_office"}
    assert client.post(reverse("workspace:account", args=[user.pk]), grant).status_code == 403
    assert not user.roles.filter(role="programme_office").exists()
