"""How numbers and statuses are written on the pages, in Dutch and in English."""

import pytest
from django.utils import translation

from koers.analytics.progress import STATUS_LABELS
from koers.indicators.models import Indicator
from koers.web.numbers import format_number, format_value, unit_label
from koers.web.status import NO_DATA, NO_TARGET, STYLES, status_style, worst


@pytest.mark.parametrize(
    "language, value, decimals, expected",
    [
        ("nl", 1234567.891, 1, "1.234.567,9"),
        ("en", 1234567.891, 1, "1,234,567.9"),
        ("nl", 2.25, 1, "2,3"),  # half up, as people round
        ("nl", -0.04, 1, "0,0"),
        ("nl", None, 0, "–"),
    ],
)
def test_numbers_follow_the_page_language(language, value, decimals, expected):
    with translation.override(language):
        assert format_number(value, decimals) == expected


def test_units_carry_their_multiplier_in_words():
    manure = Indicator(code="x", unit="kg N", unit_multiplier=3, decimals=0)
    with translation.override("nl"):
        assert unit_label(manure) == "duizend kg N"
        assert format_value(7990.0, manure) == "7.990 duizend kg N"


def test_counts_are_shown_without_the_word_aantal():
    turbines = Indicator(code="y", unit="aantal", decimals=0)
    with translation.override("nl"):
        assert format_value(2517.0, turbines) == "2.517"
        assert unit_label(turbines) == "aantal"


def test_every_status_has_a_tone_an_icon_and_the_engine_label():
    for code, label in STATUS_LABELS.items():
        style = status_style(code)
        assert str(style.label) == label
        assert style.tone in {"good", "fair", "limited", "bad", "none"} and style.icon
    icons = {s.icon for s in STYLES.values() if s.code not in {NO_DATA, "not_available"}}
    assert len(icons) == len(STYLES) - 2, "each measured status has its own icon"


def test_a_goal_shows_its_worst_measured_status():
    assert worst([]) == NO_TARGET
    assert worst(["not_available"]) == NO_DATA
    assert worst(["target_achieved", "limited_progress", "not_available"]) == "limited_progress"
    assert worst(["substantial_progress", "deterioration"]) == "deterioration"
