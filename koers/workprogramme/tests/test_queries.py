"""The read side other apps build on: activities per goal and theme, and their means."""

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from koers.programme.models import Goal
from koers.workprogramme import queries
from koers.workprogramme.models import Activity
from koers.workprogramme.tests.factories import (
    ActivityFactory,
    ContributionFactory,
    MilestoneFactory,
    WorkProgrammeFactory,
)

TODAY = datetime.date(2026, 9, 1)


@pytest.fixture
def goals(register):
    return {g.number: g for g in Goal.objects.filter(theme__number="2.1")}


def test_activities_for_goal_gives_plain_rows_with_means_and_milestones(goals):
    activity = ActivityFactory(goals=[goals["2.1.1"], goals["2.1.2"]], title="Warmtetransitie")
    MilestoneFactory(activity=activity, title="Plan klaar", date=datetime.date(2026, 3, 1))
    ContributionFactory(activity=activity, amount=Decimal("12500.50"))
    ActivityFactory(goals=[goals["2.1.2"]])

    rows = queries.activities_for_goal("2.1.1", today=TODAY)

    assert [r.title for r in rows] == ["Warmtetransitie"]
    row = rows[0]
    assert row.goals == ["2.1.1", "2.1.2"] and row.theme == "2.1" and row.year == 2026
    assert row.lead_province == "PV25" and row.status_label == "gepland"
    assert row.contributions == {"PV26": Decimal("12500.50")}
    assert [m.title for m in row.milestones] == ["Plan klaar"]
    assert isinstance(row.ipo_budget, Decimal)
    assert queries.activities_for_goal(goals["2.1.1"], 2025) == []


def test_means_count_an_activity_fully_for_each_goal_and_once_for_the_theme(goals):
    ActivityFactory(goals=[goals["2.1.1"], goals["2.1.2"]], ipo_budget=Decimal("100000.10"))
    ActivityFactory(
        goals=[goals["2.1.2"]], ipo_budget=Decimal("0.20"), ipo_budget_realised=Decimal("5")
    )

    goal_means = queries.means_for_goal(goals["2.1.2"], 2026, today=TODAY)
    theme_means = queries.means_for_theme("2.1", 2026, today=TODAY)

    assert goal_means.budget_planned == Decimal("100000.30")  # exact: Decimal, never float
    assert goal_means.budget_realised == Decimal("5")
    assert queries.means_for_goal("2.1.1", 2026).budget_planned == Decimal("100000.10")
    assert theme_means.activities == 2 and theme_means.fte_planned == Decimal("3.0")
    assert queries.means_for_goal("2.1.3", 2026).has_means is False


def test_an_activity_is_late_when_delayed_or_past_its_end_unfinished(goals):
    ActivityFactory(code="OUD", end=datetime.date(2026, 6, 30), goals=[goals["2.1.1"]])
    ActivityFactory(
        code="KLAAR", end=datetime.date(2026, 6, 30), status="afgerond", goals=[goals["2.1.1"]]
    )
    ActivityFactory(
        code="TRAAG", status="vertraagd", status_reason="Wacht op wetgeving",
        goals=[goals["2.1.1"]],
    )  # fmt: skip

    late = {r.code: r.is_late for r in queries.activities_for_theme("2.1", 2026, today=TODAY)}

    assert late == {"OUD": True, "KLAAR": False, "TRAAG": True}
    assert queries.means_for_theme("2.1", 2026, today=TODAY).late == 2


def test_the_database_refuses_an_end_before_the_start_and_a_delay_without_reason(register):
    programme = WorkProgrammeFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ActivityFactory(work_programme=programme, end=datetime.date(2025, 1, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        ActivityFactory(work_programme=programme, status="gestopt", status_reason="")
    with pytest.raises(IntegrityError), transaction.atomic():
        ActivityFactory(work_programme=programme, ipo_budget=Decimal("-1"))
    assert not Activity.objects.exists()


def test_activities_led_by_a_province(goals):
    ActivityFactory(goals=[goals["2.1.1"]], title="Door Gelderland")
    rows = queries.activities_led_by("PV25")
    assert [r.title for r in rows] == ["Door Gelderland"]
    assert queries.activities_led_by("PV26") == []
