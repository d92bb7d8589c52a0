"""The open-data page and its downloads: thin views over the export's renderings."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import condition, require_safe

from koers.publication.datapackage import write_datapackage
from koers.publication.dataset import Publication, published, published_indicators
from koers.publication.formats import (
    CATALOGUE,
    COMBINED,
    DATA_FORMATS,
    DATAPACKAGE,
    FORMATS,
    META_FORMATS,
    STRUCTURE,
    Site,
)
from koers.publication.provenance import last_changes
from koers.publication.renderings import Rendering
from koers.publication.renderings import render as render_file
from koers.publication.sdmx_structure import write_structure
from koers.publication.vocabularies import licence


def _site(request) -> Site:
    return Site(base_url=request.build_absolute_uri("/").rstrip("/"), licence=licence())


def _last_change(request, code: str | None = None, **kwargs):
    if not hasattr(request, "_koers_last_change"):  # asked twice: for ETag and Last-Modified
        changes = last_changes([code] if code else None)
        moment = changes.get(code) if code else max(changes.values(), default=None)
        request._koers_last_change = moment
    return request._koers_last_change


def _etag(request, code: str | None = None, **kwargs) -> str | None:
    """Weak: a file is rebuilt per request; microseconds tell apart two publications in 1 s."""
    moment = _last_change(request, code)
    return f'W/"{code or "alle"}-{moment.timestamp():.6f}"' if moment else None


_fresh = condition(etag_func=_etag, last_modified_func=_last_change)


def _send(write, *, filename: str, content_type: str) -> FileResponse:
    """Write a file with ``write(path)`` and stream it; the temporary file is gone on close."""
    handle, name = tempfile.mkstemp(suffix="-" + filename)
    os.close(handle)
    try:
        write(Path(name))
        stream = open(name, "rb")  # noqa: SIM115 - FileResponse closes it
    finally:
        os.unlink(name)  # the open stream keeps the data readable until it is closed
    return FileResponse(stream, content_type=content_type, filename=filename)


def _rendered(publication: Publication, suffix: str, filename: str, *, request, single: bool):
    if suffix not in FORMATS:
        raise Http404("unknown format")
    if not publication.indicators:
        raise Http404("nothing published")
    # Only SDMX needs every published indicator: its files share one structure (DSD).
    everything = published_indicators() if suffix.startswith("sdmx") else publication.indicators
    how = Rendering(_site(request), tuple(everything.values()), per_indicator=single)
    return _send(
        lambda path: render_file(publication, suffix, path, how),
        filename=filename,
        content_type=FORMATS[suffix].content_type,
    )


@require_safe
def index(request):
    """Every published dataset with its licence, last update and downloads."""
    site = _site(request)
    return render(
        request,
        "publication/index.html",
        {
            "datasets": list(published_indicators().values()),
            "data_formats": DATA_FORMATS,
            "meta_formats": META_FORMATS,
            "licence": site.licence,
            "nav": "open-data",
        },
    )


@require_safe
@_fresh
def indicator_file(request, code: str, suffix: str):
    """One indicator's published observations (or DCAT record) in one format."""
    if suffix not in FORMATS:
        raise Http404("unknown format")
    return _rendered(
        published(indicators=[code]), suffix, f"{code}.{suffix}", request=request, single=True
    )


@require_safe
@_fresh
def combined_file(request, suffix: str):
    """All published observations in one file."""
    if suffix not in FORMATS or FORMATS[suffix].metadata:
        raise Http404("unknown format")
    return _rendered(published(), suffix, f"{COMBINED}.{suffix}", request=request, single=False)


@require_safe
@_fresh
def catalogue_file(request, suffix: str):
    """The DCAT-AP-NL catalogue of every published dataset."""
    if suffix not in FORMATS or not FORMATS[suffix].metadata:
        raise Http404("unknown format")
    return _rendered(published(), suffix, f"{CATALOGUE}.{suffix}", request=request, single=False)


@require_safe
@_fresh
def datapackage(request):
    """The Frictionless descriptor; its resources are the per-indicator CSV downloads."""
    publication = published()
    if not publication.indicators:
        raise Http404("nothing published")

    def write(path: Path) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path.write_bytes(
                write_datapackage(publication, Path(folder), lic=licence()).read_bytes()
            )

    return _send(write, filename=DATAPACKAGE, content_type="application/json")


@require_safe
@_fresh
def sdmx_structure(request):
    """The SDMX data structure definition the SDMX downloads refer to."""
    indicators = published_indicators()
    if not indicators:
        raise Http404("nothing published")
    moment = max(i.last_published for i in indicators.values() if i.last_published)
    return _send(
        lambda path: write_structure(indicators.values(), path, prepared=moment),
        filename=STRUCTURE,
        content_type="application/vnd.sdmx.structure+xml; version=2.1; charset=utf-8",
    )


def dataset(request, code: str):
    """A dataset's identifier resolves to its place on the open-data page."""
    return redirect(reverse("publication:index") + f"#{code}")
