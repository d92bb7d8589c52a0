"""``/gezondheid`` and ``/metrics``: thin views over health.py and metrics.py."""

from __future__ import annotations

import hmac
from ipaddress import ip_address

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from prometheus_client import CONTENT_TYPE_LATEST

from koers.config import config
from koers.observability.health import run_checks
from koers.observability.metrics import exposition


@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    """200 when every check passes, else 503 naming the failing checks. No login needed."""
    checks = run_checks()
    healthy = all(check.ok for check in checks)
    body = {
        "status": "ok" if healthy else "fout",
        "checks": {check.name: check.as_dict() for check in checks},
    }
    return JsonResponse(body, status=200 if healthy else 503)


@never_cache
@require_GET
def metrics(request: HttpRequest) -> HttpResponse:
    """Prometheus exposition; a bearer token when KOERS_METRICS_TOKEN is set, else loopback."""
    if not _may_scrape(request):
        return HttpResponse("forbidden\n", status=403, content_type="text/plain")
    return HttpResponse(exposition(), content_type=CONTENT_TYPE_LATEST)


def _may_scrape(request: HttpRequest) -> bool:
    token = config("KOERS_METRICS_TOKEN")
    if token:
        given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        return hmac.compare_digest(given.encode(), token.encode())
    if "X-Forwarded-For" in request.headers:
        return False  # came through a proxy: the loopback address is the proxy's, not the caller's
    try:
        return ip_address(request.META.get("REMOTE_ADDR", "")).is_loopback
    except ValueError:
        return False
