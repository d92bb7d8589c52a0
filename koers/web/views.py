"""Pages that belong to no single app: the lineage of a figure, and the chart library."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from koers.analytics.lineage import trace_lineage
from koers.analytics.store import aggregates_at
from koers.charts.bundle import javascript_bundle
from koers.config import data_dir
from koers.engine.errors import LineageError
from koers.engine.lineage import parse_lineage_id
from koers.web.lineage_view import lineage_context

YEAR = 365 * 24 * 3600


def is_published(lineage_id: str) -> bool:
    """Whether the materialised (published) figures hold exactly this lineage id."""
    try:
        key = parse_lineage_id(lineage_id)
    except LineageError:
        return False
    return lineage_id in aggregates_at(key)["lineage_id"].to_pylist()


@require_safe
def lineage(request, lineage_id: str):
    """ "Waar komt dit getal vandaan?": the observations, deliveries and files behind one figure."""
    if not is_published(lineage_id):
        raise Http404("no published figure with this lineage id")
    traced = trace_lineage(lineage_id)
    context = lineage_context(traced)
    if context is None:
        raise Http404("unknown indicator")
    return render(request, "web/lineage.html", {**context, "nav": "indicators"})


@require_safe
def vega_bundle(request, version: str):
    """Vega, Vega-Lite and Vega-Embed from vl-convert; the version in the URL busts caches."""
    bundle = javascript_bundle(data_dir() / "cache")
    if version != bundle.version:
        return redirect("data:vega-bundle", version=bundle.version)
    gzipped = "gzip" in request.headers.get("Accept-Encoding", "")
    response = HttpResponse(
        bundle.gzipped if gzipped else bundle.javascript,
        content_type="text/javascript; charset=utf-8",
    )
    if gzipped:
        response["Content-Encoding"] = "gzip"
    response["Vary"] = "Accept-Encoding"
    response["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    return response
