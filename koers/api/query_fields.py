"""Query-parameter fields that check a code with Koers' own parser, so every resource
answers a bad period, area or moment alike: problem+json 400 naming the parameter."""

from __future__ import annotations

from datetime import UTC, datetime

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from koers.api.fields import CODE
from koers.engine.errors import PeriodError
from koers.engine.periods import parse_period


class PeriodField(serializers.CharField):
    """A period code (2023, 2023-Q4, 2023-03, 2023-H1 or a window 2015/2020)."""

    default_error_messages = {
        "period": "Onbekende periodecode {code!r}; geef bv. 2023, 2023-Q4, 2023-03 of 2023-H1.",
    }

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)

    def to_internal_value(self, data) -> str:
        code = super().to_internal_value(data)
        try:
            parse_period(code)
        except PeriodError:
            self.fail("period", code=code)
        return code


class AreaField(serializers.RegexField):
    """An area code that Koers knows, such as NL01 or PV25."""

    default_error_messages = {"area": "Onbekende gebiedscode {code!r}; bv. NL01 of PV25."}

    def __init__(self, **kwargs) -> None:
        super().__init__(rf"^{CODE}$", max_length=60, **kwargs)

    def to_internal_value(self, data) -> str:
        from koers.areas.models import Area

        code = super().to_internal_value(data)
        if not Area.objects.filter(code=code).exists():
            self.fail("area", code=code)
        return code


@extend_schema_field(OpenApiTypes.DATETIME)
class MomentField(serializers.Field):
    """An ISO 8601 date-time; a naive one is read in the Europe/Amsterdam time zone."""

    default_error_messages = {
        "invalid": "Geef een ISO 8601-tijdstip, bv. 2024-05-01T12:00:00+02:00.",
        "range": "Het tijdstip {text!r} ligt buiten het bereik dat Koers kan rekenen.",
    }

    def to_internal_value(self, data) -> datetime:
        text = str(data).strip()
        try:
            # A '+' in an unencoded query string arrives as a space.
            moment = parse_datetime(text) or parse_datetime(text[:19] + text[19:].replace(" ", "+"))
        except ValueError:
            moment = None
        if moment is None:
            self.fail("invalid")
        try:
            moment = moment if timezone.is_aware(moment) else timezone.make_aware(moment)
            # In UTC: 0001-01-01 would overflow there, and PostgreSQL refuses offsets beyond
            # ±15:59 such as -17:06, which Python accepts.
            return moment.astimezone(UTC)
        except (OverflowError, ValueError):
            self.fail("range", text=text)

    def to_representation(self, value):
        return value.isoformat()
