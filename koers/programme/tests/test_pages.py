"""Public programme pages, through Django's client and in a real Chromium with axe-core."""

import re

import pytest
from django.urls import reverse

from koers.programme.models import Goal, GoalVersion


def test_home_lists_the_eight_themes_and_35_goals(client, register):
    html = client.get("/").content.decode()
    assert len(re.findall(r'href="/thema/2\.\d"', html)) == 8
    assert len(set(re.findall(r'href="/doel/(2\.\d\.\d)"', html))) == 35
    assert html.count("<h1") == 1
    for landmark in ("<header", "<nav", "<main", "<footer"):
        assert landmark in html
    assert 'class="skip-link" href="#inhoud"' in html


def test_theme_and_goal_pages(client, register):
    theme = client.get("/thema/2.3")
    assert theme.status_code == 200
    goal = client.get("/doel/2.3.5")
    assert goal.status_code == 200 and "Versiegeschiedenis" in goal.content.decode()
    assert client.get("/doel/9.9.9").status_code == 404


def test_english_pages_live_under_en(client, register):
    html = client.get("/en/").content.decode()
    assert '<html lang="en">' in html and "Themes and goals" in html


def test_goal_page_shows_history_of_adjustments(client, office_user):
    goal = Goal.objects.get(number="2.1.1")
    client.force_login(office_user)
    response = client.post(
        reverse("programme:goal-adjust", args=["2.1.1"]),
        {
            "text": "Nieuwe tekst  na de begroting.",
            "valid_from": "2025-01-01",
            "reason": "Bijstelling begroting 2025",
            "decision_reference": "IPO-2024-117",
        },
    )
    assert response.status_code == 302
    client.post(
        reverse("programme:goal-adjust", args=["2.1.1"]),
        {
            "text": "Tweede bijstelling.",
            "valid_from": "2026-01-01",
            "reason": "Begroting 2026",
            "decision_reference": "IPO-2025-88",
        },
    )
    versions = list(goal.versions.order_by("version").values_list("text", flat=True))
    assert versions == ["Nieuwe tekst na de begroting.", "Tweede bijstelling."]
    html = client.get("/doel/2.1.1").content.decode()
    assert "IPO-2024-117" in html and "IPO-2025-88" in html and "Begroting 2026" in html


@pytest.mark.parametrize("role", [None, "reader", "analyst", "theme_lead", "province_steward"])
def test_only_the_programme_office_may_adjust_a_goal(client, register, make_user, role):
    user = make_user(role, province="PV25" if role == "province_steward" else None)
    client.force_login(user)
    response = client.post(
        reverse("programme:goal-adjust", args=["2.1.1"]),
        {"text": "x", "valid_from": "2025-01-01", "reason": "r", "decision_reference": "d"},
    )
    assert response.status_code == 403
    assert not GoalVersion.objects.exists()


def test_adjustments_are_in_the_audit_log(client, office_user):
    from auditlog.models import LogEntry

    client.force_login(office_user)
    client.post(
        reverse("programme:goal-adjust", args=["2.2.5"]),
        {
            "text": "Faunaschade omlaag.",
            "valid_from": "2025-01-01",
            "reason": "r",
            "decision_reference": "d",
        },
    )
    entry = LogEntry.objects.get_for_model(GoalVersion).latest("timestamp")
    assert entry.actor == office_user
    assert entry.action == LogEntry.Action.CREATE
    assert "Faunaschade omlaag." in str(entry.changes)


@pytest.mark.browser
def test_public_pages_are_accessible(live_server, register, page, assert_accessible):
    for path, name in [
        ("/", "programme"),
        ("/thema/2.2", "theme"),
        ("/doel/2.2.5", "goal"),
        ("/en/", "programme-en"),
        ("/inloggen", "login"),
    ]:
        page.goto(live_server.url + path)
        assert page.locator("h1").count() == 1
        assert_accessible(page, name)


@pytest.mark.browser
def test_language_switch_and_skip_link_work_without_javascript(live_server, register, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/thema/2.1")
    page.get_by_role("link", name="English").click()
    assert page.url.endswith("/en/thema/2.1")
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("link", name="Nederlands").click()
    assert page.url == live_server.url + "/thema/2.1", page.url
    assert page.locator("html").get_attribute("lang") == "nl"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Naar de inhoud"
    context.close()
