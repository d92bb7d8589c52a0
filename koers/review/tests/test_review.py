"""The yearly review as the programme office and the theme leads live it: open a round,
assess and propose per goal, adopt; adopted proposals become goal versions and targets."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from koers.programme.models import Goal, GoalVersion, Theme
from koers.review import service
from koers.review.errors import AssessmentsMissing, InvalidProposal, RoundClosed, RoundExists
from koers.review.models import Proposal, RoundState
from koers.review.queries import adopted_adjustments
from koers.review.tests.conftest import ORIGINAL

DECISION = date(2026, 11, 12)


def assess_all(round_, office_user, *, but=()):
    for goal in Goal.objects.exclude(number__in=but):
        service.assess(round_, goal, "Op koers.", user=office_user)


def test_one_round_per_budget_year_opened_by_the_programme_office(office_user, lead):
    round_ = service.open_round(2027, user=office_user)
    assert (round_.title, round_.state) == ("Begroting 2027", RoundState.OPEN)
    with pytest.raises(RoundExists) as refused:
        service.open_round(2027, user=office_user)
    assert refused.value.code == "review_round_exists"
    with pytest.raises(PermissionDenied):
        service.open_round(2028, user=lead)


def test_a_theme_lead_assesses_the_goals_of_their_own_theme_only(round_, lead):
    own = Goal.objects.get(number="2.1.1")
    other = Goal.objects.filter(theme__number="2.2").first()
    service.assess(round_, own, "  Loopt achter door netcongestie. ", user=lead)
    assert round_.assessments.get(goal=own).text == "Loopt achter door netcongestie."
    with pytest.raises(PermissionDenied):
        service.assess(round_, other, "Niet mijn thema.", user=lead)
    with pytest.raises(PermissionDenied):
        service.propose(round_, other, "handhaven", "Niet mijn thema.", user=lead)


def test_a_proposal_names_what_its_kind_needs(round_, lead, goal, target):
    with pytest.raises(InvalidProposal) as refused:
        service.propose(round_, goal, "tekst_bijstellen", "Te ambitieus.", user=lead)
    assert refused.value.context["field"] == "new_text"
    with pytest.raises(InvalidProposal):
        service.propose(round_, goal, "streefwaarde_bijstellen", "Later.", user=lead, target=target)
    with pytest.raises(InvalidProposal):
        service.propose(round_, goal, "handhaven", "  ", user=lead)
    foreign = Goal.objects.get(number="2.1.2")
    with pytest.raises(InvalidProposal, match="hoort niet bij dit doel"):
        service.propose(
            round_, foreign, "streefwaarde_bijstellen", "x", user=lead, target=target,
            new_target_value=30,
        )  # fmt: skip


def test_a_round_is_not_adopted_while_goals_lack_an_assessment(round_, office_user):
    assess_all(round_, office_user, but=["2.3.5", "2.8.1"])
    with pytest.raises(AssessmentsMissing) as refused:
        service.adopt_round(round_, decision_date=DECISION, budget_reference="B-2027",
                            user=office_user)  # fmt: skip
    assert refused.value.context["goals"] == ["2.3.5", "2.8.1"]
    assert "2 doelen hebben nog geen beoordeling (2.3.5, 2.8.1)" in refused.value.message
    round_.refresh_from_db()
    assert round_.state == RoundState.OPEN
    service.adopt_round(
        round_, decision_date=DECISION, budget_reference="B-2027", user=office_user,
        missing_reason="BAC Wonen vergaderde pas na de deadline.",
    )  # fmt: skip
    round_.refresh_from_db()
    assert round_.state == RoundState.ADOPTED
    assert round_.missing_reason == "BAC Wonen vergaderde pas na de deadline."


def test_only_the_programme_office_adopts(round_, lead, office_user):
    assess_all(round_, office_user)
    with pytest.raises(PermissionDenied):
        service.adopt_round(round_, decision_date=DECISION, budget_reference="B", user=lead)


def test_adoption_makes_goal_versions_and_target_values_from_the_decision_date(
    round_, office_user, lead, goal, target
):
    service.review_goal(
        round_, goal, "Te ambitieus in de tijd.", "tekst_bijstellen", "Netcongestie.",
        user=lead, new_text="De provincies realiseren samen 35 TWh op land in 2032.",
    )  # fmt: skip
    ambition = Goal.objects.get(number="2.1.2")
    other_target = type(target).objects.create(
        indicator=target.indicator, area=target.area, goal=ambition, baseline_year=2020,
        target_value=6000, target_year=2030,
    )  # fmt: skip
    service.review_goal(
        round_, ambition, "Achter.", "streefwaarde_bijstellen", "Naar omvang bijgesteld.",
        user=lead, target=other_target, new_target_value=5000,
    )  # fmt: skip
    assess_all(round_, office_user, but=["2.1.1", "2.1.2"])
    service.adopt_round(round_, decision_date=DECISION, budget_reference="Begroting IPO 2027",
                        user=office_user)  # fmt: skip

    versions = list(GoalVersion.objects.filter(goal=goal).order_by("version"))
    assert [v.text for v in versions] == [
        ORIGINAL,
        "De provincies realiseren samen 35 TWh op land in 2032.",
    ]
    new = versions[-1]
    assert new.valid_from == DECISION
    assert new.decision_reference == "Begroting IPO 2027 (besluit 12-11-2026)"
    assert new.reason == "Bijgesteld bij de begroting 2027: Netcongestie."
    other_target.refresh_from_db()
    assert (other_target.target_value, other_target.target_year) == (5000, 2030)
    kept = Proposal.objects.get(goal=ambition)
    assert (kept.previous_target_value, kept.previous_target_year) == (6000, 2030)
    assert [a.goal.number for a in adopted_adjustments()] == ["2.1.1", "2.1.2"]
    diff = adopted_adjustments(goal=goal)[0].diff
    assert [(s.op, s.text) for s in diff if s.op != "same"] == [
        ("removed", "hernieuwbare elektriciteit"),
        ("removed", "2030."),
        ("added", "2032."),
    ]


def test_an_adopted_round_is_final(round_, office_user, goal):
    assess_all(round_, office_user)
    service.adopt_round(round_, decision_date=DECISION, budget_reference="B", user=office_user)
    with pytest.raises(RoundClosed):
        service.assess(round_, goal, "Te laat.", user=office_user)
    with pytest.raises(RoundClosed):
        service.adopt_round(round_, decision_date=DECISION, budget_reference="B",
                            user=office_user)  # fmt: skip


def test_every_step_is_in_the_audit_log(round_, office_user, lead, goal):
    from auditlog.models import LogEntry

    service.review_goal(round_, goal, "Goed.", "handhaven", "Op koers.", user=lead)
    models = set(LogEntry.objects.values_list("content_type__model", flat=True))
    assert {"reviewround", "assessment", "proposal"} <= models


def test_ending_a_goal_is_recorded_without_rewriting_its_text(round_, office_user, goal):
    service.propose(round_, goal, "beeindigen", "Opgenomen in 2.1.2.", user=office_user)
    assess_all(round_, office_user)
    service.adopt_round(round_, decision_date=DECISION, budget_reference="B", user=office_user)
    assert GoalVersion.objects.filter(goal=goal).count() == 1
    assert adopted_adjustments(goal=goal)[0].kind_label == "doel beëindigen"
    assert Theme.objects.count() == 8
