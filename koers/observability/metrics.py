"""Prometheus metrics: request latency per view and status, and job durations.

With several gunicorn workers (or a separate ``koers worker``), set the standard
``PROMETHEUS_MULTIPROC_DIR`` to an empty folder shared by those processes; prometheus-client
then writes each process's values there and ``/metrics`` adds them up. Without it each
process counts only its own requests (see docs/operations.md).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from prometheus_client import REGISTRY as PROCESS_REGISTRY
from prometheus_client import CollectorRegistry, Histogram, generate_latest, multiprocess
from prometheus_client import values as prometheus_values

REQUEST_SECONDS = Histogram(
    "koers_http_request_duration_seconds",
    "Time to answer a request, by view name, method and status code.",
    ["view", "method", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
JOB_SECONDS = Histogram(
    "koers_job_duration_seconds",
    "Run time of a background job, by job name and outcome (ok or failed).",
    ["job", "outcome"],
    buckets=(0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800),
)


def observe_job(name: str, seconds: float, ok: bool) -> None:
    """Record one finished job; the jobs app calls this after every run."""
    JOB_SECONDS.labels(job=name, outcome="ok" if ok else "failed").observe(seconds)


def exposition() -> bytes:
    """The text format Prometheus scrapes, summed over processes in multiprocess mode."""
    if getattr(prometheus_values.ValueClass, "_multiprocess", False):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry)
    return generate_latest(PROCESS_REGISTRY)


class RequestMetricsMiddleware:
    """Times every request; the label is the URL name, never the raw path (bounded labels)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        view = (match.view_name or "unnamed") if match else "unresolved"
        REQUEST_SECONDS.labels(
            view=view, method=_method(request), status=response.status_code
        ).observe(time.perf_counter() - started)
        return response


_METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}


def _method(request: HttpRequest) -> str:
    return request.method if request.method in _METHODS else "other"
