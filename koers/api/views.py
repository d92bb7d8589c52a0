"""The API's own resources: the OpenAPI document and the problem+json 404 for unknown URIs."""

from __future__ import annotations

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
