"""Serializer fields shared by the resources: finite numbers, empty text as null, links."""

from __future__ import annotations

import math

from rest_framework import serializers


class FiniteFloatField(serializers.FloatField):
    """A read-only number; NaN and infinity (not valid JSON) become null."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        if value is None:
            return None
        value = float(value)
        return value if math.isfinite(value) else None


class BlankAsNullField(serializers.CharField):
    """Text that is null instead of an empty string when the register has no value."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return value or None


def links_schema(*names: str, optional: tuple[str, ...] = ()) -> dict:
    """OpenAPI schema of a ``_links`` object with these link names (HAL style)."""
    href = {"type": "object", "required": ["href"], "properties": {"href": {"type": "string"}}}
    return {
        "type": "object",
        "required": list(names),
        "properties": dict.fromkeys((*names, *optional), href),
    }


#: URI path patterns (unanchored: the router embeds them) for codes, numbers and ids.
CODE = r"[A-Za-z0-9_-]+"
NUMBER = r"[0-9]+(?:\.[0-9]+)*"
ID = r"[0-9]{1,18}"  # beyond a 64-bit integer is no id: 404, never a database error


def code_field(**kwargs) -> serializers.RegexField:
    """A query parameter holding a code such as PV25 or wind_vermogen."""
    return serializers.RegexField(rf"^{CODE}$", max_length=60, **kwargs)


def number_field(**kwargs) -> serializers.RegexField:
    """A query parameter holding a programme number such as 2.1 or 2.3.5."""
    return serializers.RegexField(rf"^{NUMBER}$", max_length=12, **kwargs)
