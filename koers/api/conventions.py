"""The base classes every API view builds on: API-Version header, links, query parameters."""

from __future__ import annotations

from urllib.parse import quote

from django.conf import settings
from django.urls import reverse
from rest_framework import serializers, viewsets
from rest_framework.views import APIView


def api_version() -> str:
    """The full semantic version of the API, as in the OpenAPI document (API-57)."""
    return settings.SPECTACULAR_SETTINGS["VERSION"]


class ApiConventions:
    """Adds the API-Version header to every response, errors included."""

    @property
    def default_response_headers(self) -> dict[str, str]:
        return {**super().default_response_headers, "API-Version": api_version()}

    def query(self, serializer_class: type[serializers.Serializer]) -> dict:
        """The validated query parameters; invalid ones become a 400 with invalidParams."""
        checked = serializer_class(data=self.request.query_params)
        checked.is_valid(raise_exception=True)
        return checked.validated_data


class ApiView(ApiConventions, APIView):
    """A single API resource that is not a model collection."""


class ReadOnlyViewSet(ApiConventions, viewsets.ReadOnlyModelViewSet):
    """A paginated, read-only model collection with detail resources."""


class ApiViewSet(ApiConventions, viewsets.GenericViewSet):
    """A collection whose actions are declared one by one."""


def absolute(request, name: str, *args: str) -> str:
    """The absolute URL of a named API route (``api:<name>``)."""
    return request.build_absolute_uri(reverse(f"api:{name}", args=args))


def absolute_path(request, *segments: str) -> str:
    """The absolute URL of /api/v1/<segments>, each segment fully percent-encoded."""
    root = reverse("api:root")
    return request.build_absolute_uri(root + "/".join(encoded(s) for s in segments))


def link(href: str) -> dict[str, str]:
    return {"href": href}


def encoded(value: str) -> str:
    """A path segment with every reserved character escaped ('|' and '/' in lineage ids)."""
    return quote(value, safe="")
