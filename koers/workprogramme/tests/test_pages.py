"""The work-programme pages through Django's client: programme page, goal and province
sections, the status form, the Excel import with preview, and ambitions against means."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from koers.programme.models import Goal, Theme
from koers.workprogramme import importing
from koers.workprogramme.models import Activity
from koers.workprogramme.tests.factories import ActivityFactory, MilestoneFactory


@pytest.fixture(autouse=True)
def september_2026():
    """Lateness and idle means depend on the date: the pages are read on 1 September 2026."""
    with time_machine.travel(datetime.datetime(2026, 9, 1, 12, 0), tick=False):
        yield


@pytest.fixture
def activity(register):
    activity = ActivityFactory(
        code="A1", title="Warmtenetten versnellen", goals=[Goal.objects.get(number="2.1.1")],
        ipo_budget=Decimal("1234567.89"),
    )  # fmt: skip
    MilestoneFactory(activity=activity, title="Routekaart vastgesteld")
    return activity


def test_the_programme_page_has_a_timeline_with_the_table_beside_it(client, activity):
    html = client.get("/werkprogramma/2.1/2026").content.decode()

    assert "<svg" in html and 'data-vega-spec="tijdlijn-spec"' in html
    assert 'id="tijdlijn-spec"' in html  # the spec for the interactive chart
    assert "Warmtenetten versnellen" in html and "Routekaart vastgesteld" in html
    assert "€ 1.234.568" in html  # Dutch grouping, rounded to whole euros in the table
    assert reverse("workprogramme:programme-xlsx", args=["2.1", 2026]) in html
    assert "Voorbeeldgegevens" not in html


def test_a_missing_programme_offers_the_empty_template(client, register):
    html = client.get("/werkprogramma/2.5/2030").content.decode()
    assert "nog geen werkprogramma" in html and "/werkprogramma/2.5/2030.xlsx" in html
    assert client.get("/werkprogramma/9.9/2026").status_code == 404


def test_the_downloads_carry_exact_amounts(client, activity):
    rows = list(
        csv.DictReader(io.StringIO(client.get("/werkprogramma/2.1/2026.csv").content.decode()))
    )
    assert rows[0]["ipo_budget_euro"] == "1234567.89" and rows[0]["code"] == "A1"
    book = load_workbook(io.BytesIO(client.get("/werkprogramma/2.1/2026.xlsx").content))
    assert book["activiteiten"]["B2"].value == "Warmtenetten versnellen"


def test_the_goal_page_says_what_is_being_done_for_the_goal(client, activity):
    html = client.get("/doel/2.1.1").content.decode()
    assert "Wat wordt er gedaan voor dit doel" in html and "Warmtenetten versnellen" in html
    other = client.get("/doel/2.1.2").content.decode()
    assert "nog geen activiteit voor dit doel" in other


def test_the_province_page_lists_the_activities_it_leads(client, activity):
    assert "Warmtenetten versnellen" in client.get("/provincie/PV25").content.decode()
    assert "Warmtenetten versnellen" not in client.get("/provincie/PV26").content.decode()


def test_example_records_carry_the_banner(client, activity):
    Activity.objects.update(is_example=True)
    for url in (
        "/werkprogramma/2.1/2026",
        "/doel/2.1.1",
        "/werkprogramma/ambities-en-middelen?jaar=2026",
    ):
        assert "Voorbeeldgegevens" in client.get(url).content.decode(), url


def test_the_leading_province_updates_the_status_and_another_may_not(client, activity, make_user):
    url = reverse("workprogramme:activity-status", args=[activity.pk])
    assert client.get(url)["Location"] == f"/inloggen?next={url}"
    client.force_login(make_user("province_steward", province="PV26"))
    assert client.post(url, {"status": "lopend"}).status_code == 403

    client.force_login(make_user("province_steward", province="PV25"))
    refused = client.post(url, {"status": "vertraagd", "status_reason": ""})
    assert refused.status_code == 200 and "Geef een reden" in refused.content.decode()
    done = client.post(url, {"status": "vertraagd", "status_reason": "Netbeheerder later"})
    assert done.status_code == 302
    activity.refresh_from_db()
    assert activity.status == "vertraagd"
    assert "loopt uit" in client.get("/werkprogramma/2.1/2026").content.decode()


def workbook(tmp_path, **cells) -> SimpleUploadedFile:
    path = tmp_path / "wp.xlsx"
    importing.export(path, theme="2.1", year=2026)
    book = load_workbook(path)
    for ref, value in cells.items():
        book["activiteiten"][ref] = value
    book.save(path)
    return SimpleUploadedFile("wp.xlsx", path.read_bytes())


def test_the_browser_import_reports_every_error_and_stores_nothing(
    client, activity, make_user, tmp_path
):
    client.force_login(make_user("theme_lead", themes=[Theme.objects.get(number="2.1")]))
    upload = workbook(tmp_path, D2="2.1.1; 2.9.9", J2="2020-01-01", M2="-10")

    html = client.post("/werkprogramma/inlezen", {"file": upload}).content.decode()

    assert "3 fouten, er is niets opgeslagen" in html
    for text in ("Onbekend doelnummer", "Einde voor de start", "Negatief bedrag", "2.9.9"):
        assert text in html
    assert Activity.objects.get().ipo_budget == Decimal("1234567.89")


def test_the_browser_import_previews_then_stores_on_confirmation(
    client, activity, make_user, tmp_path
):
    client.force_login(make_user("theme_lead", themes=[Theme.objects.get(number="2.1")]))

    preview = client.post("/werkprogramma/inlezen", {"file": workbook(tmp_path, B2="Warmtenetten")})

    html = preview.content.decode()
    assert "Er is nog niets opgeslagen" in html and "Warmtenetten versnellen" in html
    assert Activity.objects.get().title == "Warmtenetten versnellen"
    plan, token = preview.context["plan"], preview.context["token"]
    done = client.post(
        "/werkprogramma/inlezen/bevestigen", {"token": token, "fingerprint": plan.fingerprint}
    )
    assert done.status_code == 302 and done["Location"].endswith("/werkprogramma/2.1/2026")
    assert Activity.objects.get().title == "Warmtenetten"
    again = client.post("/werkprogramma/inlezen/bevestigen", {"token": token, "fingerprint": "x"})
    assert again.status_code == 302 and again["Location"].endswith("/werkprogramma/inlezen")


def test_a_theme_lead_cannot_import_another_theme(client, activity, make_user, tmp_path):
    client.force_login(make_user("theme_lead", themes=[Theme.objects.get(number="2.2")]))
    html = client.post(
        "/werkprogramma/inlezen", {"file": workbook(tmp_path, B2="X")}
    ).content.decode()
    assert "Niet uw thema" in html and "thema 2.1 niet wijzigen" in html
    assert Activity.objects.get().title == "Warmtenetten versnellen"


def test_the_import_page_asks_to_sign_in(client, register):
    assert client.get("/werkprogramma/inlezen").status_code == 302


def test_ambitions_and_means_flag_the_imbalances(client, activity):
    Activity.objects.update(status="lopend")
    ActivityFactory(
        code="A2", goals=[Goal.objects.get(number="2.1.2")], status="gestopt",
        status_reason="Geen draagvlak", start=datetime.date(2026, 1, 1),
    )  # fmt: skip

    page = client.get("/werkprogramma/ambities-en-middelen?thema=2.1&jaar=2026")
    rows = {
        row["doel"]: row
        for row in csv.DictReader(
            io.StringIO(
                client.get(
                    "/werkprogramma/ambities-en-middelen.csv?thema=2.1&jaar=2026"
                ).content.decode()
            )
        )
    }

    assert page.status_code == 200 and "ambitie zonder middelen" in page.content.decode()
    assert rows["2.1.1"]["ipo_budget_gepland_euro"] == "1234567.89"
    assert rows["2.1.1"]["signalen"] == ""
    assert rows["2.1.2"]["signalen"] == "middelen_zonder_activiteit"
    assert rows["2.1.3"]["signalen"] == "ambitie_zonder_middelen"
    assert set(rows) == {g.number for g in Goal.objects.filter(theme__number="2.1")}


def test_the_pages_have_english_versions(client, activity):
    html = client.get("/en/werkprogramma/2.1/2026").content.decode()
    assert '<html lang="en">' in html and "Warmtenetten versnellen" in html
    assert "€ 1,234,568" in html  # English grouping


def test_the_index_marks_example_programmes(client, activity):
    assert "Voorbeeldgegevens" not in client.get("/werkprogramma/").content.decode()
    activity.work_programme.is_example = True
    activity.work_programme.save()
    html = client.get("/werkprogramma/").content.decode()
    assert (
        "Voorbeeldgegevens" in html and '/werkprogramma/2.1/2026">2026</a> <span class="tag' in html
    )
