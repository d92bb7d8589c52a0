"""Real published CBS wind data with a target, a work programme and an adopted review: what
a progress report is made of."""

from datetime import date

import pytest

from koers.review.tests.conftest import goal, lead, round_, target, work  # noqa: F401
from koers.web.tests.conftest import catalogue, publish, published_wind, wind_target  # noqa: F401


@pytest.fixture
def adopted(round_, office_user, goal):  # noqa: F811
    """Begroting 2027, adopted on 12 November 2026 with a text adjustment of goal 2.1.1."""
    from koers.programme.models import Goal
    from koers.review import service

    service.review_goal(
        round_, goal, "Achter.", "tekst_bijstellen", "Netcongestie vraagt meer tijd.",
        user=office_user, new_text="De provincies realiseren samen 35 TWh op land in 2032.",
    )  # fmt: skip
    for other in Goal.objects.exclude(pk=goal.pk):
        service.assess(round_, other, "Op koers.", user=office_user)
    return service.adopt_round(
        round_, decision_date=date(2026, 11, 12), budget_reference="Begroting IPO 2027",
        user=office_user,
    )  # fmt: skip
