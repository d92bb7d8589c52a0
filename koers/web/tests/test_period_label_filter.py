"""Pages show each period as its source published it."""

from django.template import Context, Template


def render(period: str) -> str:
    return Template("{% load koers_figures %}{{ p|period_label }}").render(Context({"p": period}))


def test_periods_beyond_the_calendar_are_shown_as_published():
    assert render("FY2019/20") == "2019/20"
    assert render("SJ2023/24") == "2023/24"
    assert render("2013/2016") == "2013/16"
    assert render("2023-Q4") == "2023-Q4"


def test_a_code_that_is_no_period_is_shown_unchanged_not_an_error():
    assert render("geen periode") == "geen periode"
