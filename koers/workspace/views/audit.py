"""The audit log for the programme office: who changed what, when, from what to what."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from koers.accounts.permissions import Action, require
from koers.workspace.access import workspace_page
from koers.workspace.audit import ACTIONS, audit_entries, changes_of, logged_models
from koers.workspace.views.layout import render_page

PER_PAGE = 50


@workspace_page
@require_GET
def audit_log(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.VIEW_AUDIT_LOG)
    models = logged_models()
    chosen = request.GET.get("model") or ""
    if chosen not in {code for code, _ in models}:
        chosen = ""
    page = Paginator(audit_entries(model=chosen or None), PER_PAGE).get_page(
        request.GET.get("pagina")
    )
    context = {
        "page": page,
        "entries": [
            {"entry": entry, "action": ACTIONS.get(entry.action, ""), "changes": changes_of(entry)}
            for entry in page
        ],
        "models": models,
        "chosen": chosen,
    }
    return render_page(request, "workspace/audit_log.html", context, current="workspace:audit-log")
