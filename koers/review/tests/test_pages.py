"""The review's pages through Django's client: who sees and does what, errors as messages."""

from datetime import date

from django.urls import reverse

from koers.programme.models import Goal
from koers.review import service
from koers.review.models import Proposal, ReviewRound


def test_the_round_pages_are_for_signed_in_users(client, round_):
    response = client.get(reverse("review:round", args=[2027]))
    assert response.status_code == 302 and "/inloggen" in response["Location"]


def test_the_programme_office_opens_a_round(client, office_user):
    client.force_login(office_user)
    response = client.post(reverse("review:open"), {"budget_year": 2027, "title": ""})
    assert response.status_code == 302
    assert ReviewRound.objects.get().title == "Begroting 2027"
    again = client.post(reverse("review:open"), {"budget_year": 2027}, follow=True)
    assert "Er is al een toetsronde voor de begroting 2027." in again.content.decode()


def test_a_lead_may_not_open_a_round(client, lead):
    client.force_login(lead)
    assert client.post(reverse("review:open"), {"budget_year": 2027}).status_code == 403
    assert not ReviewRound.objects.exists()


def test_a_lead_assesses_from_the_round_page(client, round_, lead, goal, work):
    client.force_login(lead)
    html = client.get(reverse("review:round", args=[2027])).content.decode()
    assert html.count("Beoordelen<span") == Goal.objects.filter(theme__number="2.1").count()
    assert "0 van 35 doelen beoordeeld." in html
    url = reverse("review:assess", args=[2027, "2.1.1"])
    page = client.get(url).content.decode()
    assert "Wat Koers al weet" in page and "35 TWh" in page  # the current text to start from
    assert "Werkprogramma 2026: ambities en middelen" in page
    assert "3 werkzaamheden, begroot € 375.000 en 4,5 fte" in page
    assert "Warmtenetten versnellen" in page and "Wacht op de Wet collectieve warmte" in page
    form = {"text": "Achter.", "kind": "tekst_bijstellen", "reason": "Netcongestie"}
    missing = client.post(url, {**form, "new_text": ""})
    assert missing.status_code == 400
    assert "Doel 2.1.1: een tekstbijstelling vraagt de nieuwe tekst." in missing.content.decode()
    assert not Proposal.objects.exists()
    saved = client.post(url, {**form, "new_text": "Nieuwe tekst."})
    assert saved.status_code == 302
    assert Proposal.objects.get().new_text == "Nieuwe tekst."
    other = reverse("review:assess", args=[2027, "2.2.1"])
    assert client.get(other).status_code == 403


def test_adopting_with_missing_assessments_shows_why_not(client, round_, office_user):
    client.force_login(office_user)
    response = client.post(
        reverse("review:adopt", args=[2027]),
        {"decision_date": "2026-11-12", "budget_reference": "B-2027"},
    )
    assert response.status_code == 400
    assert "35 doelen hebben nog geen beoordeling" in response.content.decode()
    adopted = client.post(
        reverse("review:adopt", args=[2027]),
        {"decision_date": "2026-11-12", "budget_reference": "B-2027",
         "missing_reason": "Eerste ronde: alleen thema 2.1 is getoetst."},
    )  # fmt: skip
    assert adopted.status_code == 302
    round_.refresh_from_db()
    assert round_.is_adopted and round_.decision_date == date(2026, 11, 12)


def test_the_goal_page_shows_the_adjustment_with_a_diff_and_keeps_the_old_version(
    client, round_, office_user, goal
):
    service.review_goal(
        round_, goal, "Achter.", "tekst_bijstellen", "Netcongestie.", user=office_user,
        new_text="De provincies realiseren samen 35 TWh op land in 2032.",
    )  # fmt: skip
    for other in Goal.objects.exclude(pk=goal.pk):
        service.assess(round_, other, "Op koers.", user=office_user)
    service.adopt_round(round_, decision_date=date(2026, 11, 12), budget_reference="B-2027",
                        user=office_user)  # fmt: skip
    html = client.get(reverse("programme:goal", args=["2.1.1"])).content.decode()
    assert "Bijgesteld bij de begroting 2027 (besluit 12 november 2026)" in html
    assert "<del>hernieuwbare elektriciteit</del>" in html and "<ins>2032.</ins>" in html
    assert "realiseren samen 35 TWh hernieuwbare elektriciteit op land in 2030." in html  # v1
