"""Report pages: the published reports, one report (stable URL: its latest published
version), its kept HTML and PDF, and for the programme office generating and publishing."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from koers.accounts.permissions import Action, can, require
from koers.reporting import service
from koers.reporting.errors import ReportError, ReportFileMissing
from koers.reporting.models import Report
from koers.reporting.render import title_of

CONTENT_TYPES = {"html": "text/html; charset=utf-8", "pdf": "application/pdf"}


class GenerateForm(forms.Form):
    year = forms.IntegerField(label=gettext_lazy("Jaar"), min_value=2000, max_value=2100)


def report_list(request):
    may_publish = can(request.user, Action.PUBLISH_REPORT)
    reports = Report.objects.all() if may_publish else Report.objects.exclude(published_at=None)
    return render(
        request,
        "reporting/list.html",
        {
            "reports": list(reports),
            "form": GenerateForm() if may_publish else None,
            "may_publish": may_publish,
            "nav": "reports",
        },
    )


@require_POST
def report_generate(request):
    require(request.user, Action.PUBLISH_REPORT)
    form = GenerateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Geef een jaar tussen 2000 en 2100."))
        return redirect("reporting:list")
    try:
        report = service.generate_report(form.cleaned_data["year"], user=request.user)
    except ReportError as exc:
        messages.error(request, exc.message)
        return redirect("reporting:list")
    messages.success(
        request,
        _("Versie %(version)s van de rapportage %(year)s is gemaakt; nog niet gepubliceerd.")
        % {"version": report.version, "year": report.year},
    )
    return redirect("reporting:version", year=report.year, version=report.version)


@require_POST
def report_publish(request, year: int, version: int):
    require(request.user, Action.PUBLISH_REPORT)
    report = get_object_or_404(Report, year=year, version=version)
    service.publish_report(report, user=request.user)
    messages.success(request, _("De rapportage is gepubliceerd."))
    return redirect("reporting:report", year=year)


def _visible(request, year: int, version: int | None) -> Report:
    if version is None:
        report = service.latest_published(year)
        if report is None:
            raise Http404("no published report for this year")
        return report
    report = get_object_or_404(Report, year=year, version=version)
    if not report.is_published and not can(request.user, Action.PUBLISH_REPORT):
        raise Http404("not published")
    return report


def report_page(request, year: int, version: int | None = None):
    report = _visible(request, year, version)
    try:
        body = service.file_of(report, "body").read_text(encoding="utf-8")
    except ReportFileMissing as exc:
        raise Http404(exc.message) from exc
    versions = Report.objects.filter(year=year)
    if not can(request.user, Action.PUBLISH_REPORT):
        versions = versions.exclude(published_at=None)
    return render(
        request,
        "reporting/report.html",
        {
            "report": report,
            "title": title_of(year),
            "body": mark_safe(body),  # noqa: S308 - kept output of our own template
            "versions": list(versions),
            "may_publish": can(request.user, Action.PUBLISH_REPORT) and not report.is_published,
            "nav": "reports",
        },
    )


def report_file(request, year: int, suffix: str, version: int | None = None):
    if suffix not in CONTENT_TYPES:
        raise Http404("unknown format")
    report = _visible(request, year, version)
    try:
        path = service.file_of(report, suffix)
    except ReportFileMissing as exc:
        raise Http404(exc.message) from exc
    name = f"voortgangsrapportage-{report.year}-v{report.version}.{suffix}"
    response = FileResponse(path.open("rb"), content_type=CONTENT_TYPES[suffix])
    disposition = "attachment" if suffix == "pdf" else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{name}"'
    return response
