"""The open-data page and its downloads: prebuilt files, served with ETag and Last-Modified.

Nothing here reads the database or builds a file: build.py does that after each
publication. Until a first build exists the page says so and downloads answer 503.
"""

from __future__ import annotations

from datetime import datetime

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from koers.publication import formats
from koers.publication.formats import CATALOGUE, COMBINED, DATAPACKAGE, FORMATS, STRUCTURE
from koers.publication.page import PAGES, TEMPLATE, page_context
from koers.publication.prebuilt import Build, current_build
from koers.publication.vocabularies import DEFAULT_LICENCE

RETRY_AFTER_SECONDS = 120  # a first build of a large publication takes about a minute


def _preparing() -> HttpResponse:
    response = HttpResponse(
        _("De open data wordt voorbereid. Probeer het over een paar minuten opnieuw."),
        status=503,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def _serve(request, build: Build, relative: str, *, filename: str | None = None):
    """One prebuilt file, or 304 when the visitor already has it."""
    entry = build.files.get(relative)
    if entry is None:
        raise Http404("not published")
    etag = f'"{entry["sha256"][:40]}"'
    modified = datetime.fromisoformat(entry["last_modified"]).timestamp()
    unchanged = get_conditional_response(request, etag=etag, last_modified=int(modified))
    if unchanged is not None:
        return unchanged
    response = FileResponse(
        (build.folder / relative).open("rb"),
        content_type=entry["content_type"],
        filename=filename or relative.rsplit("/", 1)[-1],
    )
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified)
    return response


def _download(request, relative: str):
    build = current_build()
    if build is None:
        return _preparing()
    return _serve(request, build, relative)


@require_safe
def index(request):
    """Every published dataset with its licence, last update and downloads."""
    build = current_build()
    if build is None:
        context = page_context([], licence_name=DEFAULT_LICENCE, state="preparing")
        return render(request, TEMPLATE, context)
    if request.user.is_authenticated:  # the header shows who is signed in: render it live
        context = page_context(build.datasets, licence_name=build.licence, state="built")
        return render(request, TEMPLATE, context)
    language = get_language() if get_language() in PAGES else "nl"
    response = _serve(request, build, PAGES[language], filename=None)
    response.headers.pop("Content-Disposition", None)  # a page, not a download
    return response


@require_safe
def indicator_file(request, code: str, suffix: str):
    """One indicator's published observations (or DCAT record) in one format."""
    if suffix not in FORMATS:
        raise Http404("unknown format")
    return _download(request, formats.indicator_file(code, suffix))


@require_safe
def combined_file(request, suffix: str):
    """All published observations in one file."""
    if suffix not in FORMATS or FORMATS[suffix].metadata:
        raise Http404("unknown format")
    return _download(request, f"{COMBINED}.{suffix}")


@require_safe
def catalogue_file(request, suffix: str):
    """The DCAT-AP-NL catalogue of every published dataset."""
    if suffix not in FORMATS or not FORMATS[suffix].metadata:
        raise Http404("unknown format")
    return _download(request, f"{CATALOGUE}.{suffix}")


@require_safe
def datapackage(request):
    """The Frictionless descriptor; its resources are the per-indicator CSV downloads."""
    return _download(request, DATAPACKAGE)


@require_safe
def sdmx_structure(request):
    """The SDMX data structure definition the SDMX downloads refer to."""
    return _download(request, STRUCTURE)


def dataset(request, code: str):
    """A dataset's identifier resolves to its place on the open-data page."""
    return redirect(reverse("publication:index") + f"#{code}")
