"""Number formatting never fails: any float, in either language, through every filter."""

import math

import pytest
from django.template import Context, Template
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from koers.indicators.models import Indicator
from koers.web.numbers import NO_VALUE, format_number, format_value
from koers.web.templatetags.koers_figures import number, percentage, unallocated_share

ANY_FLOAT = st.floats(allow_nan=True, allow_infinity=True)
DECIMALS = st.integers(min_value=-2, max_value=40)


@settings(max_examples=300, deadline=None)
@given(value=ANY_FLOAT, decimals=DECIMALS, language=st.sampled_from(["nl", "en"]))
def test_formatting_never_raises_for_any_float(value, decimals, language):
    indicator = Indicator(code="x", unit="MW", unit_multiplier=3, decimals=max(decimals, 0))
    with translation.override(language):
        text = format_number(value, decimals)
        assert text and isinstance(text, str)
        assert (text == NO_VALUE) == (not math.isfinite(value))
        assert format_value(value, indicator)
        assert number(value, decimals) == text
        assert percentage(value)
        assert unallocated_share({"computed_value": value, "unallocated_value": value / 3})


@pytest.mark.parametrize(
    "value, expected",
    [
        (1e30, "1,00 × 10^30"),
        (1e308, "1,00 × 10^308"),
        (-1e308, "-1,00 × 10^308"),
        (1.7976931348623157e308, "1,80 × 10^308"),
        (5e-324, "0,0"),
        (-0.0, "0,0"),
        (999_999_999_999_999.0, "999.999.999.999.999,0"),
        (math.inf, NO_VALUE),
        (-math.inf, NO_VALUE),
        (math.nan, NO_VALUE),
    ],
)
def test_extreme_values_read_as_numbers_and_non_finite_ones_as_a_dash(value, expected):
    with translation.override("nl"):
        assert format_number(value, 1) == expected


def test_non_finite_values_carry_no_unit():
    with translation.override("nl"):
        assert format_value(math.inf, Indicator(code="x", unit="MW", decimals=0)) == NO_VALUE


@pytest.mark.parametrize("value", [1e30, 1e308, -1e308, 5e-324, -0.0, math.inf, math.nan])
def test_every_template_filter_renders_extreme_values(value):
    template = Template(
        "{% load koers_figures %}{{ v|number:1 }} {{ v|percentage }} {% figure v ind %} "
        "{{ row|unallocated_share }}"
    )
    context = Context(
        {
            "v": value,
            "ind": Indicator(code="x", unit="%", decimals=1),
            "row": {"computed_value": value, "unallocated_value": value},
        }
    )
    with translation.override("en"):
        assert template.render(context).strip()
