"""Programme office: goals to adjust, targets to manage, and the audit log."""

import re

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from koers.areas.models import Area
from koers.indicators.models import Indicator, Target
from koers.programme.models import Goal


@pytest.fixture
def office_client(client, catalogue, make_user):
    client.force_login(make_user("programme_office", name="office"))
    return client


def target_form(**changes) -> dict:
    data = {
        "indicator": Indicator.objects.get(code="wind_vermogen").pk,
        "area": Area.objects.get(code="PV25").pk,
        "goal": Goal.objects.get(number="2.1.1").pk,
        "breakdown": "_T",
        "baseline_year": 2020,
        "target_value": 600,
        "target_year": 2030,
        "direction": 1,
        "description": "Gelderland: 600 MW wind op land",
    }
    return {**data, **changes}


def test_the_goals_page_links_every_goal_to_its_adjustment(office_client):
    html = office_client.get(reverse("workspace:goals")).content.decode()
    links = set(re.findall(r'href="/doel/(2\.\d\.\d+)/bijstellen"', html))
    assert len(links) == Goal.objects.count() == 35


def test_targets_are_created_edited_and_deleted(office_client):
    response = office_client.post(reverse("workspace:target-create"), target_form())
    assert response.status_code == 302
    target = Target.objects.get()
    assert (target.area.code, target.target_value, target.goal.number) == ("PV25", 600, "2.1.1")
    listing = office_client.get(reverse("workspace:targets")).content.decode()
    assert "Gelderland" in listing and "niet te bepalen" in listing  # no published figures yet

    edit = reverse("workspace:target-edit", args=[target.pk])
    assert office_client.post(edit, target_form(target_value=750)).status_code == 302
    target.refresh_from_db()
    assert target.target_value == 750

    delete = reverse("workspace:target-delete", args=[target.pk])
    assert "Weet u zeker" in office_client.get(delete).content.decode()
    assert Target.objects.exists()  # looking at the question deletes nothing
    assert office_client.post(delete).status_code == 302
    assert not Target.objects.exists()
    actions = list(
        LogEntry.objects.get_for_model(Target)
        .order_by("timestamp")
        .values_list("action", flat=True)
    )
    assert actions == [LogEntry.Action.CREATE, LogEntry.Action.UPDATE, LogEntry.Action.DELETE]


def test_a_target_year_before_the_baseline_is_refused(office_client):
    response = office_client.post(reverse("workspace:target-create"), target_form(target_year=2019))
    assert response.status_code == 400
    assert "Het doeljaar moet na het basisjaar liggen." in response.content.decode()
    assert not Target.objects.exists()


def test_the_audit_log_shows_who_when_what_and_before_after(office_client):
    office_client.post(reverse("workspace:target-create"), target_form())
    target = Target.objects.get()
    office_client.post(
        reverse("workspace:target-edit", args=[target.pk]), target_form(target_value=750)
    )
    html = office_client.get(reverse("workspace:audit-log")).content.decode()
    rows = re.findall(r"<tr>\s*<td class=\"ws-nowrap\">.*?</tr>", html, re.S)
    newest = rows[0]
    assert "<td>office</td>" in newest and "gewijzigd" in newest
    assert re.search(
        r"<code>target_value</code>: <del>600(\.0)?</del>.*?<ins>750(\.0)?</ins>", newest
    )


def test_the_audit_log_is_paginated_and_filtered_by_model(office_client):
    for year in range(2031, 2031 + 30):
        office_client.post(reverse("workspace:target-create"), target_form(target_year=year))
    for target in Target.objects.all()[:25]:
        office_client.post(reverse("workspace:target-delete", args=[target.pk]))
    assert LogEntry.objects.count() > 50
    first = office_client.get(reverse("workspace:audit-log"), {"model": "indicators.target"})
    html = first.content.decode()
    assert "55 wijzigingen" in html and "Pagina 1 van 2" in html
    assert 'href="?model=indicators.target&amp;pagina=2"' in html
    second = office_client.get(
        reverse("workspace:audit-log"), {"model": "indicators.target", "pagina": 2}
    )
    assert len(re.findall(r'<td class="ws-nowrap">', second.content.decode())) == 5
