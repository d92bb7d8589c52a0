"""Analyst and programme-office pages: completeness, publication, refresh and reconciliation."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from koers.accounts.permissions import Action, require
from koers.analytics.store import refresh_indicators
from koers.areas.queries import dutch_provinces
from koers.deliveries.completeness import completeness_rows
from koers.deliveries.models import Delivery, DeliveryStatus
from koers.workspace.access import workspace_page
from koers.workspace.forms import deliverable_indicators
from koers.workspace.matrix import completeness_matrix
from koers.workspace.reconciliation import differences_beyond_tolerance
from koers.workspace.views.layout import render_page


@workspace_page
@require_GET
def completeness(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.VIEW_COMPLETENESS)
    indicators = list(deliverable_indicators())
    chosen = request.GET.get("indicator") or None
    if chosen not in {i.code for i in indicators}:
        chosen = None
    matrix = completeness_matrix(
        completeness_rows(indicator=chosen),
        list(dutch_provinces()),
        labels={i.code: i.label for i in indicators},
    )
    context = {"matrix": matrix, "indicators": indicators, "chosen": chosen}
    return render_page(
        request, "workspace/completeness.html", context, current="workspace:completeness"
    )


@workspace_page
@require_GET
def publish(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.PUBLISH_DELIVERY)
    deliveries = Delivery.objects.select_related("file", "province", "submitted_by")
    context = {
        "approved": deliveries.filter(status=DeliveryStatus.APPROVED).order_by("received_at"),
        "published": deliveries.filter(status=DeliveryStatus.PUBLISHED)[:10],
    }
    return render_page(request, "workspace/publish.html", context, current="workspace:publish")


@workspace_page
@require_GET
def analytics(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.REFRESH_ANALYTICS)
    indicators = list(deliverable_indicators())
    context = {
        "differences": differences_beyond_tolerance([i.code for i in indicators]),
        "indicators": indicators,
        "labels": {i.code: i.label for i in indicators},
    }
    return render_page(request, "workspace/analytics.html", context, current="workspace:analytics")


@workspace_page
@require_POST
def refresh(request: HttpRequest) -> HttpResponse:
    """Recompute the aggregates from published observations (all, or one indicator)."""
    require(request.user, Action.REFRESH_ANALYTICS)
    code = request.POST.get("indicator") or None
    known = set(deliverable_indicators().values_list("code", flat=True))
    report = refresh_indicators([code] if code in known else None)
    messages.success(
        request,
        _("De analyse is ververst: %(indicators)s indicatoren, %(rows)s rijen in %(seconds).1f s.")
        % {"indicators": len(report.indicators), "rows": report.rows, "seconds": report.seconds},
    )
    return redirect("workspace:analytics")
