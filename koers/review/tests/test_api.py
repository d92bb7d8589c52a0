"""/api/v1/toetsrondes and /voorstellen: read for everyone, written by role."""

import pytest

from koers.review.models import Proposal, ReviewRound

API = "/api/v1"


def test_rounds_and_proposals_are_read_by_anyone(client, round_, office_user, goal):
    from koers.review import service

    service.review_goal(round_, goal, "Achter.", "handhaven", "Nog op tijd.", user=office_user)
    assert '"titel":"Begroting 2027"' in client.get(f"{API}/toetsrondes").content.decode()
    detail = client.get(f"{API}/toetsrondes/2027")
    assert detail.status_code == 200
    body = detail.json()
    assert (body["titel"], body["status"], body["aantalBeoordelingen"]) == (
        "Begroting 2027", "open", 1,
    )  # fmt: skip
    assert body["_links"]["voorstellen"]["href"].endswith("/api/v1/voorstellen?toetsronde=2027")
    listed = client.get(f"{API}/voorstellen", {"toetsronde": 2027, "doel": "2.1.1"})
    text = listed.content.decode()
    assert '"soort":"handhaven"' in text.replace(" ", "") and "Nog op tijd." in text
    assert "Achter." in text  # the assessment beside the proposal
    assert client.get(f"{API}/toetsrondes/2030").status_code == 404


def test_the_programme_office_opens_and_adopts_through_the_api(client, office_user, lead):
    client.force_login(lead)
    assert client.post(f"{API}/toetsrondes", {"begrotingsjaar": 2027},
                       content_type="application/json").status_code == 403  # fmt: skip
    client.force_login(office_user)
    opened = client.post(f"{API}/toetsrondes", {"begrotingsjaar": 2027},
                         content_type="application/json")  # fmt: skip
    assert opened.status_code == 201 and opened["Location"].endswith("/api/v1/toetsrondes/2027")
    again = client.post(f"{API}/toetsrondes", {"begrotingsjaar": 2027},
                        content_type="application/json")  # fmt: skip
    assert again.status_code == 409 and again.json()["code"] == "review_round_exists"
    refused = client.post(
        f"{API}/toetsrondes/2027/vaststellen",
        {"besluitdatum": "2026-11-12", "begrotingKenmerk": "B-2027"},
        content_type="application/json",
    )
    assert refused.status_code == 409
    assert refused.json()["code"] == "review_assessments_missing"
    assert refused["Content-Type"].startswith("application/problem+json")
    adopted = client.post(
        f"{API}/toetsrondes/2027/vaststellen",
        {"besluitdatum": "2026-11-12", "begrotingKenmerk": "B-2027",
         "redenOntbrekendeBeoordelingen": "Proef."},
        content_type="application/json",
    )  # fmt: skip
    assert adopted.status_code == 200 and adopted.json()["status"] == "vastgesteld"


@pytest.mark.parametrize(
    ("goal_number", "status"), [("2.1.1", 201), ("2.2.1", 403)], ids=["own-theme", "other-theme"]
)
def test_a_theme_lead_proposes_for_their_own_theme(client, round_, lead, goal, goal_number, status):
    client.force_login(lead)
    response = client.post(
        f"{API}/voorstellen",
        {"toetsronde": 2027, "doel": goal_number, "beoordeling": "Achter.",
         "soort": "tekst_bijstellen", "reden": "Netcongestie.", "nieuweTekst": "Nieuw."},
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == status
    assert Proposal.objects.count() == (1 if status == 201 else 0)


def test_a_proposal_without_what_its_kind_needs_is_a_400_naming_the_field(client, round_, lead):
    client.force_login(lead)
    response = client.post(
        f"{API}/voorstellen",
        {"toetsronde": 2027, "doel": "2.1.1", "beoordeling": "Achter.",
         "soort": "tekst_bijstellen", "reden": "Netcongestie."},
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 400
    params = response.json()["invalidParams"]
    assert params[0]["name"] == "new_text" and "nieuwe tekst" in params[0]["reason"]
    assert ReviewRound.objects.get().assessments.count() == 0  # all or nothing
