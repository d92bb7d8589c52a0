"""The choropleth colour scale: quantile classes, colour-blind-safe, readable labels."""

import pytest

from koers.charts.scale import COLOURS, TEXT_COLOURS, class_breaks, class_for, colour_classes


def LABEL(low, high):
    return f"{low}–{high}"


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("fill, text", list(zip(COLOURS, TEXT_COLOURS, strict=True)))
def test_every_class_label_meets_wcag_aa_contrast(fill, text):
    assert _contrast(fill, text) >= 4.5


def test_classes_run_from_light_to_dark():
    luminances = [_luminance(c) for c in COLOURS]
    assert luminances == sorted(luminances, reverse=True)


def test_twelve_values_make_five_quantile_classes_ending_at_the_maximum():
    values = [21, 34, 50, 66, 143, 198, 259, 460, 527, 620, 641, 1169]
    bounds = class_breaks(values)
    assert len(bounds) == 5 and bounds[-1] == 1169
    assert bounds == sorted(bounds)
    counts = [sum(1 for v in values if class_for(v, colour_classes(values, label=LABEL)) == c)
              for c in colour_classes(values, label=LABEL)]  # fmt: skip
    assert sum(counts) == 12 and min(counts) >= 1


def test_equal_values_collapse_into_one_mid_scale_class():
    classes = colour_classes([5, 5, 5], label=lambda low, high: f"{low}-{high}")
    assert len(classes) == 1
    assert classes[0].colour == COLOURS[2] and classes[0].label == "5-5"


def test_missing_values_have_no_class():
    classes = colour_classes([None, 1, 2, 3], label=LABEL)
    assert class_for(None, classes) is None
    assert class_for(3, classes) is classes[-1]
    assert colour_classes([None], label=LABEL) == []
