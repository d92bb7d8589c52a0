"""A review round of "Begroting 2027" on the loaded register, and the people who work on it."""

from datetime import date

import pytest

from koers.programme.models import Goal, Theme
from koers.programme.versioning import adjust_goal

ORIGINAL = "De provincies realiseren samen 35 TWh hernieuwbare elektriciteit op land in 2030."


@pytest.fixture
def goal(register):
    goal = Goal.objects.get(number="2.1.1")
    adjust_goal(goal, text=ORIGINAL, valid_from=date(2023, 1, 1), reason="Bestuursprogramma")
    return goal


@pytest.fixture
def lead(make_user, register):
    return make_user("theme_lead", themes=[Theme.objects.get(number="2.1")], name="bac-klimaat")


@pytest.fixture
def target(goal):
    from koers.areas.models import Area
    from koers.indicators.models import Indicator, Target

    indicator = Indicator.objects.create(
        code="re-land", name="Hernieuwbare elektriciteit op land", unit="TWh"
    )
    indicator.goals.add(goal)
    return Target.objects.create(
        indicator=indicator, area=Area.objects.get(code="NL01"), goal=goal,
        baseline_year=2020, target_value=35, target_year=2030,
    )  # fmt: skip


@pytest.fixture
def round_(office_user):
    from koers.review import service

    return service.open_round(2027, user=office_user)


@pytest.fixture
def work(goal):
    """The 2026 work programme of theme 2.1: one activity done, one running, one late."""
    from decimal import Decimal

    from koers.areas.models import Area
    from koers.workprogramme.models import Activity, WorkProgramme

    programme = WorkProgramme.objects.create(theme=goal.theme, year=2026)
    gelderland = Area.objects.get(code="PV25")
    rows = [
        ("A1", "Netcongestie in kaart", "afgerond", "", date(2026, 1, 1), date(2026, 6, 30)),
        ("A2", "Energiehubs", "lopend", "", date(2026, 2, 1), date(2027, 12, 31)),
        ("A3", "Warmtenetten versnellen", "vertraagd", "Wacht op de Wet collectieve warmte",
         date(2026, 1, 1), date(2026, 9, 30)),
    ]  # fmt: skip
    for code, title, status, reason, start, end in rows:
        activity = Activity.objects.create(
            work_programme=programme, code=code, title=title, lead_province=gelderland,
            start=start, end=end, status=status, status_reason=reason,
            ipo_budget=Decimal("125000.00"), fte=Decimal("1.5"),
        )  # fmt: skip
        activity.goals.add(goal)
    return programme
