"""Public work-programme pages: the list, one programme per theme and year (timeline and
table, Excel and CSV downloads), and the status form of an activity."""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from koers.programme.models import Theme
from koers.workprogramme import figures, importing, queries, service
from koers.workprogramme.models import Activity, ActivityStatus


def index(request):
    """Every work programme, by theme and year."""
    examples = queries.example_programmes()
    by_theme: dict[str, list[tuple[int, bool]]] = {}
    for theme, year in queries.work_programme_years():
        by_theme.setdefault(theme, []).append((year, (theme, year) in examples))
    themes = [(theme, by_theme.get(theme.number, [])) for theme in Theme.objects.all()]
    editable = [t for t, _years in themes if service.may_edit(request.user, t)]
    return render(
        request,
        "workprogramme/index.html",
        {
            "themes": themes,
            "examples": bool(examples),
            "may_import": bool(editable),
            "nav": "werkprogramma",
        },
    )


def programme_page(request, theme: str, year: int):
    """One work programme: its activities on a timeline, with the table beside it."""
    theme_obj = get_object_or_404(Theme, number=theme)
    programme = queries.work_programme(theme, year)
    today = timezone.localdate()
    rows = queries.activities_for_theme(theme, year, today=today) if programme else []
    may_status = set()
    if request.user.is_authenticated and rows:
        activities = Activity.objects.select_related("lead_province", "work_programme").filter(
            pk__in=[row.pk for row in rows]
        )
        may_status = {a.pk for a in activities if service.may_update_status(request.user, a)}
    return render(
        request,
        "workprogramme/programme.html",
        {
            "theme": theme_obj,
            "year": year,
            "programme": programme,
            "rows": rows,
            "means": queries.means_of(rows),
            "chart": figures.timeline(rows, key="tijdlijn", today=today),
            "may_edit": service.may_edit(request.user, theme_obj),
            "may_status": may_status,
            "example": any(row.is_example for row in rows),
            "nav": "werkprogramma",
        },
    )


def programme_excel(request, theme: str, year: int):
    """The work programme as the .xlsx Koers reads back (empty template without one)."""
    get_object_or_404(Theme, number=theme)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"werkprogramma-{theme}-{year}.xlsx"
        importing.export(path, theme=theme, year=year)
        content = path.read_bytes()
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{path.name}"'
    return response


CSV_COLUMNS = (
    "code", "titel", "doelen", "trekker", "start", "einde", "status", "reden",
    "ipo_budget_euro", "ipo_budget_gerealiseerd_euro", "fte", "fte_gerealiseerd",
    "provinciale_bijdragen_euro", "loopt_uit", "voorbeeldgegevens",
)  # fmt: skip


def programme_csv(request, theme: str, year: int):
    """The table beside the timeline, as CSV (amounts exact, decimal point)."""
    if queries.work_programme(theme, year) is None:
        raise Http404(_("Geen werkprogramma voor dit thema en jaar."))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="werkprogramma-{theme}-{year}.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for row in queries.activities_for_theme(theme, year):
        writer.writerow(
            [
                row.code, row.title, " ".join(row.goals), row.lead_province, row.start, row.end,
                row.status, row.status_reason, row.ipo_budget, row.ipo_budget_realised or "",
                row.fte, row.fte_realised or "", row.contributions_total,
                "ja" if row.is_late else "nee", "ja" if row.is_example else "nee",
            ]
        )  # fmt: skip
    return response


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("Status"), choices=ActivityStatus.choices)
    status_reason = forms.CharField(
        label=gettext_lazy("Reden"),
        required=False,
        max_length=500,
        help_text=gettext_lazy("Verplicht bij vertraagd of gestopt."),
    )


@require_http_methods(["GET", "POST"])
def activity_status(request, pk: int):
    """The status of one activity, for the programme office, the theme lead and its trekker."""
    activity = get_object_or_404(
        Activity.objects.select_related("work_programme__theme", "lead_province"), pk=pk
    )
    if not service.may_update_status(request.user, activity):
        if not request.user.is_authenticated:
            return redirect(f"{reverse('login')}?next={request.path}")
        raise PermissionDenied(_("U mag de status van deze activiteit niet wijzigen."))
    initial = {"status": activity.status, "status_reason": activity.status_reason}
    form = StatusForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            service.set_status(
                activity,
                form.cleaned_data["status"],
                reason=form.cleaned_data["status_reason"],
                user=request.user,
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
        else:
            messages.success(
                request,
                _("De status van %(code)s is nu ‘%(status)s’.")
                % {"code": activity.code, "status": activity.get_status_display()},
            )
            programme = activity.work_programme
            return redirect("workprogramme:programme", programme.theme.number, programme.year)
    return render(
        request,
        "workprogramme/status_form.html",
        {"activity": activity, "form": form, "nav": "werkprogramma"},
    )
