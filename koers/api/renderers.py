"""JSON that is JSON: a value that is not finite (an overflowed sum, NaN) is sent as null."""

from __future__ import annotations

import math
from typing import Any

from rest_framework.renderers import JSONRenderer


def finite_only(data: Any) -> Any:
    """``data`` with every NaN and ±Infinity replaced by None, in dicts, lists and tuples."""
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {key: finite_only(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [finite_only(value) for value in data]
    return data


class FiniteJSONRenderer(JSONRenderer):
    """DRF's strict JSON renderer, which answers 500 on Infinity; this one sends null."""

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        try:
            return super().render(data, accepted_media_type, renderer_context)
        except ValueError:  # "Out of range float values are not JSON compliant": rare, so retry
            return super().render(finite_only(data), accepted_media_type, renderer_context)
