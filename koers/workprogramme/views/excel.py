"""Reading a work programme from Excel in the browser: upload, check, preview the changes,
confirm. Nothing is stored before the confirmation, and the confirmation stores exactly the
previewed changes (or is refused when the programme changed meanwhile)."""

from __future__ import annotations

import re
import secrets
import time
from pathlib import Path

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from koers.config import data_dir
from koers.programme.models import Theme
from koers.workprogramme import importing, service
from koers.workprogramme.excel import errors as rules
from koers.workprogramme.excel.reader import LIMITS
from koers.workprogramme.views.findings import grouped

_TOKEN = re.compile(r"^[0-9a-f]{32}$")
_KEEP_SECONDS = 24 * 3600  # an upload nobody confirmed is removed after a day


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Werkprogramma (.xlsx)"),
        help_text=gettext_lazy(
            "Een bestand in de indeling die Koers maakt: download het werkprogramma of het lege "
            "sjabloon als Excel, vul het aan en lees het hier weer in."
        ),
    )


def _uploads() -> Path:
    folder = data_dir() / "werkprogramma" / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _upload_path(user, token: str) -> Path | None:
    if not _TOKEN.match(token or ""):
        return None
    path = _uploads() / f"{user.pk}-{token}.xlsx"
    return path if path.exists() else None


def _forget_old_uploads() -> None:
    limit = time.time() - _KEEP_SECONDS
    for path in _uploads().glob("*.xlsx"):
        if path.stat().st_mtime < limit:
            path.unlink(missing_ok=True)


@login_required
@require_http_methods(["GET", "POST"])
def upload(request):
    """Upload a workbook; the answer is its findings, or the changes it would make."""
    form = UploadForm(request.POST or None, request.FILES or None)
    context = {"form": form, "nav": "werkprogramma"}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > LIMITS.max_file_bytes:
            form.add_error("file", _("Het bestand is groter dan 10 MB; is dit een werkprogramma?"))
            return render(request, "workprogramme/import.html", context)
        _forget_old_uploads()
        token = secrets.token_hex(16)
        path = _uploads() / f"{request.user.pk}-{token}.xlsx"
        with path.open("wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        parsed = importing.read(path, name=upload.name)
        if parsed.ok and not service.may_edit(request.user, Theme.objects.get(number=parsed.theme)):
            parsed.findings.append(
                rules.NotYourTheme(parsed.file, None, None, parsed.theme, params={"sheet": "-"})
            )
        context.update(
            parsed=parsed, groups=grouped(parsed.errors), warnings=grouped(parsed.warnings)
        )
        if parsed.ok:
            context.update(plan=importing.plan(parsed), token=token)
        else:
            path.unlink(missing_ok=True)
    return render(request, "workprogramme/import.html", context)


@login_required
@require_POST
def confirm(request):
    """Store the previewed workbook, exactly as previewed."""
    path = _upload_path(request.user, request.POST.get("token", ""))
    if path is None:
        messages.error(request, _("Dit bestand is niet meer beschikbaar; lees het opnieuw in."))
        return redirect("workprogramme:import")
    parsed = importing.read(path, name=request.POST.get("name") or path.name)
    theme = Theme.objects.filter(number=parsed.theme).first()
    if not parsed.ok or theme is None or not service.may_edit(request.user, theme):
        path.unlink(missing_ok=True)
        messages.error(request, _("Dit bestand kan niet worden opgeslagen; lees het opnieuw in."))
        return redirect("workprogramme:import")
    try:
        plan = importing.store(parsed, expected=request.POST.get("fingerprint", ""))
    except importing.StalePreview:
        messages.error(
            request,
            _(
                "Het werkprogramma is gewijzigd sinds de voorvertoning. "
                "Bekijk de wijzigingen opnieuw."
            ),
        )
        return redirect("workprogramme:import")
    finally:
        path.unlink(missing_ok=True)
    counts = plan.counts()
    messages.success(
        request,
        _("Werkprogramma %(theme)s %(year)s opgeslagen: %(new)s nieuw, %(changed)s gewijzigd, "
          "%(removed)s verwijderd.")
        % {"theme": plan.theme, "year": plan.year, "new": counts["nieuw"],
           "changed": counts["gewijzigd"], "removed": counts["verwijderd"]},
    )  # fmt: skip
    return redirect("workprogramme:programme", plan.theme, plan.year)
