"""The API's own resources: the OpenAPI document, its page for people at /api/v1/ and the
problem+json 404 for unknown URIs."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse
from django.views.generic import TemplateView
from drf_spectacular.renderers import OpenApiJsonRenderer
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.permissions import AllowAny

from koers.api.conventions import ApiConventions, ApiView
from koers.api.problems import NotFoundProblem


class OpenApiView(ApiConventions, SpectacularJSONAPIView):
    """The OpenAPI 3 document, public and without authentication (API-51)."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    renderer_classes = [OpenApiJsonRenderer]


class ApiDocsView(TemplateView):
    """/api/v1/ in a browser: what the API offers, with Swagger UI from drf-spectacular-sidecar
    (served by Koers itself: no CDN, no inline script)."""

    template_name = "api/docs.html"
    http_method_names = ["get", "head"]

    def get_context_data(self, **kwargs) -> dict:
        try:
            open_data_url = reverse("publication:index")
        except NoReverseMatch:
            open_data_url = None
        return {
            **super().get_context_data(**kwargs),
            "schema_url": reverse("api:openapi"),
            "example_url": reverse("api:indicator-list"),
            "open_data_url": open_data_url,
        }


class UnknownResourceView(ApiView):
    """Any URI under /api/v1 that names no resource; a trailing slash is never redirected."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    schema = None  # not part of the contract

    def _refuse(self, request, *args, **kwargs):
        path = request.path
        if path.endswith("/") and path.rstrip("/") != "/api/v1":
            raise NotFoundProblem(
                f"URI's eindigen nooit op een slash (API-48): gebruik {path.rstrip('/')}."
            )
        raise NotFoundProblem(
            f"{path} is geen resource van deze API; zie /api/v1/openapi.json voor de resources."
        )

    get = post = put = patch = delete = head = options = _refuse
