"""API: /werkprogrammas and /activiteiten are read by everyone; an activity's status is
written by role, as on the website."""

from decimal import Decimal

import pytest

from koers.programme.models import Goal
from koers.workprogramme.models import Activity
from koers.workprogramme.tests.factories import ActivityFactory, ContributionFactory


@pytest.fixture
def activity(register):
    activity = ActivityFactory(
        code="A1", goals=[Goal.objects.get(number="2.1.1")], ipo_budget=Decimal("100000.10")
    )
    ContributionFactory(activity=activity, amount=Decimal("2500.50"))
    return activity


def test_work_programmes_and_activities_are_public_with_exact_amounts(client, activity):
    programmes = client.get("/api/v1/werkprogrammas?thema=2.1").json()
    [programme] = programmes["resultaten"]
    assert (programme["thema"], programme["jaar"], programme["aantalActiviteiten"]) == (
        "2.1",
        2026,
        1,
    )

    listed = client.get(programme["_links"]["activiteiten"]["href"]).json()
    items = listed["resultaten"]
    assert [item["code"] for item in items] == ["A1"]
    detail = client.get(items[0]["_links"]["self"]["href"]).json()
    assert detail["ipoBudget"] == "100000.10"  # a decimal string, never a float
    assert detail["provincialeBijdragen"] == [{"provincie": "PV26", "bedrag": "2500.50"}]
    assert detail["doelen"] == ["2.1.1"] and detail["trekker"] == "PV25"
    assert detail["voorbeeldgegevens"] is False


def test_activities_filter_by_goal_and_lead(client, activity):
    def codes(query):
        body = client.get(f"/api/v1/activiteiten?{query}").json()
        return [item["code"] for item in body["resultaten"]]

    assert codes("doel=2.1.1") == ["A1"] and codes("doel=2.1.2") == []
    assert codes("trekker=PV25") == ["A1"] and codes("trekker=PV26") == []
    bad = client.get("/api/v1/activiteiten?status=klaar")
    assert bad.status_code == 400 and bad["Content-Type"] == "application/problem+json"


def test_the_status_is_written_by_the_leading_province_only(client, activity, make_user):
    url = f"/api/v1/activiteiten/{activity.pk}/status"
    assert client.post(url, {"status": "lopend"}, content_type="application/json").status_code in (
        401,
        403,
    )
    client.force_login(make_user("province_steward", province="PV26"))
    assert (
        client.post(url, {"status": "lopend"}, content_type="application/json").status_code == 403
    )

    client.force_login(make_user("province_steward", province="PV25"))
    missing = client.post(url, {"status": "gestopt"}, content_type="application/json")
    assert missing.status_code == 400 and "reden" in missing.json()["invalidParams"][0]["name"]
    done = client.post(
        url,
        {"status": "gestopt", "reden": "Opgegaan in rijksprogramma"},
        content_type="application/json",
    )
    assert done.status_code == 200 and done.json()["statusReden"] == "Opgegaan in rijksprogramma"
    assert Activity.objects.get().status == "gestopt"
