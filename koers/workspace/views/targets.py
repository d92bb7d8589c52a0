"""Programme office: goals to adjust, and targets (streefwaarden) to create, edit or delete."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from koers.accounts.permissions import Action, require
from koers.analytics.progress import progress_for
from koers.indicators.models import Target
from koers.programme.queries import current_programme
from koers.workspace.access import workspace_page
from koers.workspace.forms import TargetForm
from koers.workspace.views.layout import render_page

#: progress status → (label, status class); the label is always shown next to the colour
PROGRESS = {
    "target_achieved": (gettext_lazy("doel bereikt"), "good"),
    "substantial_progress": (gettext_lazy("goed op koers"), "good"),
    "moderate_progress": (gettext_lazy("redelijk op koers"), "fair"),
    "limited_progress": (gettext_lazy("beperkte voortgang"), "limited"),
    "deterioration": (gettext_lazy("verslechtering"), "bad"),
    "not_available": (gettext_lazy("niet te bepalen"), "none"),
}


@workspace_page
@require_GET
def goals(request: HttpRequest) -> HttpResponse:
    """Every goal with its current version; adjusting happens on programme:goal-adjust."""
    require(request.user, Action.ADJUST_GOAL)
    context = {"programme": current_programme()}
    return render_page(request, "workspace/goals.html", context, current="workspace:goals")


@workspace_page
@require_GET
def targets(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.MANAGE_TARGETS)
    rows = []
    for target in Target.objects.select_related("indicator", "area", "goal"):
        progress = progress_for(target)
        label, status = PROGRESS.get(progress["status"], PROGRESS["not_available"])
        rows.append({"target": target, "progress": progress, "label": label, "status": status})
    return render_page(
        request, "workspace/targets.html", {"rows": rows}, current="workspace:targets"
    )


@workspace_page
@require_http_methods(["GET", "POST"])
def target_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    require(request.user, Action.MANAGE_TARGETS)
    target = get_object_or_404(Target, pk=pk) if pk else None
    form = TargetForm(request.POST or None, instance=target)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, _("Streefwaarde %(target)s is opgeslagen.") % {"target": saved})
        return redirect("workspace:targets")
    status = 400 if request.method == "POST" else 200
    return render_page(
        request,
        "workspace/target_form.html",
        {"form": form, "target": target},
        current="workspace:targets",
        status=status,
    )


@workspace_page
@require_http_methods(["GET", "POST"])
def target_delete(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, Action.MANAGE_TARGETS)
    target = get_object_or_404(Target.objects.select_related("indicator", "area"), pk=pk)
    if request.method == "POST":
        name = str(target)
        target.delete()
        messages.success(request, _("Streefwaarde %(target)s is verwijderd.") % {"target": name})
        return redirect("workspace:targets")
    return render_page(
        request, "workspace/target_delete.html", {"target": target}, current="workspace:targets"
    )
