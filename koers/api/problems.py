"""Every API error as ``application/problem+json`` (RFC 9457) with a stable ``code``.

The exception handler is the single place where exceptions become responses, so a 404,
a refused write, a workflow conflict and an unexpected crash all look alike to a client,
and none of them leaks HTML or a stack trace.
"""

from __future__ import annotations

import logging
import math

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response

from koers.deliveries.ingest.errors import IngestError
from koers.deliveries.workflow import WorkflowError
from koers.engine.errors import LineageError

log = logging.getLogger("koers.api")

MEDIA_TYPE = "application/problem+json"
TYPE_PREFIX = "urn:koers:probleem:"

TITLES = {
    400: "Ongeldig verzoek",
    401: "Niet geauthenticeerd",
    403: "Geen toestemming",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    406: "Gevraagd formaat niet beschikbaar",
    409: "Conflict met de huidige toestand",
    413: "Bestand te groot",
    415: "Mediatype niet ondersteund",
    429: "Te veel verzoeken",
    500: "Interne fout",
}


class Problem(exceptions.APIException):
    """Base for the API's own errors; subclasses fix the status and the stable code."""

    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "bad_request"
    default_detail = "Het verzoek is ongeldig."


class NotFoundProblem(Problem):
    status_code = status.HTTP_404_NOT_FOUND
    default_code = "not_found"
    default_detail = "Deze resource bestaat niet."


class WorkflowConflict(Problem):
    status_code = status.HTTP_409_CONFLICT
    default_code = "workflow_conflict"
    default_detail = "Deze statusovergang is vanuit de huidige status niet mogelijk."


class UploadTooLarge(Problem):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "upload_too_large"
    default_detail = "Het bestand is groter dan de grootste upload die Koers aanneemt."


def invalid_params(detail, name: str = "") -> list[dict[str, str]]:
    """Flatten DRF's nested validation detail into ``[{name, code, reason}]``."""
    if isinstance(detail, dict):
        return [
            item
            for key, value in detail.items()
            for item in invalid_params(value, f"{name}.{key}" if name else str(key))
        ]
    if isinstance(detail, list):
        return [item for value in detail for item in invalid_params(value, name)]
    return [{"name": name, "code": getattr(detail, "code", "invalid"), "reason": str(detail)}]


def problem(
    status_code: int, code: str, detail: str, *, request=None, headers=None, **extra
) -> Response:
    """A problem+json response; ``extra`` adds members such as ``invalidParams``."""
    body = {
        "type": TYPE_PREFIX + code,
        "title": TITLES.get(status_code, "Fout"),
        "status": status_code,
        "detail": detail,
        "code": code,
    }
    if request is not None:
        body["instance"] = request.path
    body.update(extra)
    return Response(body, status=status_code, headers=headers, content_type=MEDIA_TYPE)


def _translate(exc: Exception) -> Exception:
    """Map library and Django errors onto the DRF exception (or Problem) they mean."""
    if isinstance(exc, Http404):
        return exceptions.NotFound("Deze resource bestaat niet.")
    if isinstance(exc, DjangoPermissionDenied) and getattr(exc, "code", None):
        refused = exceptions.PermissionDenied(str(exc))  # its own sentence and stable code
        refused.default_code = exc.code
        return refused
    if isinstance(exc, DjangoPermissionDenied):
        reason = f" ({exc})" if str(exc) else ""
        return exceptions.PermissionDenied(f"U mag deze handeling hier niet uitvoeren{reason}.")
    if isinstance(exc, WorkflowError):
        return WorkflowConflict(str(exc))
    if isinstance(exc, LineageError):
        return NotFoundProblem(str(exc))
    if isinstance(exc, IngestError):
        translated = Problem(exc.message)
        translated.default_code = exc.code
        return translated
    return exc


def problem_exception_handler(exc: Exception, context: dict) -> Response:
    """DRF's EXCEPTION_HANDLER: every exception becomes a problem document."""
    request = context.get("request")
    exc = _translate(exc)
    if not isinstance(exc, exceptions.APIException):
        log.exception("unhandled error in %s", getattr(request, "path", "?"), exc_info=exc)
        return problem(
            500, "server_error", "Er ging iets mis aan onze kant; probeer het later opnieuw.",
            request=request,
        )  # fmt: skip
    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(math.ceil(exc.wait))
    code = getattr(exc, "default_code", "error")
    if isinstance(exc, exceptions.ValidationError):
        return problem(
            400, "invalid_params", "Een of meer parameters zijn ongeldig.",
            request=request, headers=headers, invalidParams=invalid_params(exc.detail),
        )  # fmt: skip
    detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    return problem(exc.status_code, code, detail, request=request, headers=headers)
