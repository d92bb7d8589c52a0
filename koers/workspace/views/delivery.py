"""One delivery: its validation report in the rows of the file, and its workflow steps."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from koers.accounts.permissions import Action, can
from koers.deliveries.models import Delivery, DeliveryStatus
from koers.deliveries.reports import delivery_summary
from koers.deliveries.workflow import TRANSITIONS, WorkflowError, allowed_transitions, transition
from koers.jobs.status import latest_import_job, pending_withdrawal
from koers.jobs.tasks import request_withdrawal
from koers.workspace.access import workspace_page
from koers.workspace.findings import report_for
from koers.workspace.views.deliver import upload_form
from koers.workspace.views.layout import render_page

#: target status → (button label, secondary button?)
ACTIONS = {
    DeliveryStatus.SUBMITTED: (gettext_lazy("Indienen"), False),
    DeliveryStatus.APPROVED: (gettext_lazy("Goedkeuren"), False),
    DeliveryStatus.PUBLISHED: (gettext_lazy("Publiceren"), False),
    DeliveryStatus.WITHDRAWN: (gettext_lazy("Intrekken"), True),
}


def actions_for(user, delivery: Delivery) -> list[dict]:
    """The workflow steps this user may take now, as buttons."""
    steps = []
    for to in allowed_transitions(delivery):
        if can(user, TRANSITIONS[to][1], province=delivery.province):
            label, secondary = ACTIONS[to]
            steps.append({"to": to, "label": label, "secondary": secondary})
    return steps


def _steps(delivery: Delivery) -> list[dict]:
    labels = dict(DeliveryStatus.choices)
    return [
        {
            "at": step.at,
            "by": step.by,
            "from": labels.get(step.from_status, step.from_status),
            "to": labels.get(step.to_status, step.to_status),
        }
        for step in delivery.transitions.select_related("by")
    ]


@workspace_page
@require_GET
def delivery_detail(request: HttpRequest, pk: int) -> HttpResponse:
    delivery = get_object_or_404(
        Delivery.objects.select_related("file", "province", "submitted_by"), pk=pk
    )
    if not Delivery.objects.visible_to(request.user).filter(pk=pk).exists():
        raise PermissionDenied("not your province")
    province = delivery.province.code if delivery.province_id else None
    reupload = delivery.status == DeliveryStatus.REJECTED and can(
        request.user, Action.UPLOAD_DELIVERY, province=province
    )
    context = {
        "delivery": delivery,
        "summary": delivery_summary(delivery),
        "report": report_for(delivery),
        "actions": actions_for(request.user, delivery),
        "transitions": _steps(delivery),
        "form": upload_form(request.user, province=province) if reupload else None,
        "import_job": latest_import_job(delivery),
        "withdrawal": pending_withdrawal(delivery),
    }
    return render_page(request, "workspace/delivery.html", context, current="workspace:deliver")


@workspace_page
@require_POST
def delivery_transition(request: HttpRequest, pk: int) -> HttpResponse:
    """Move a delivery one step; workflow.transition checks the role and the province."""
    delivery = get_object_or_404(Delivery, pk=pk)
    to = request.POST.get("to", "")
    try:
        if to == DeliveryStatus.WITHDRAWN:  # set-based over all its rows: a job
            delivery = request_withdrawal(delivery, user=request.user)
        else:
            delivery = transition(delivery, to, user=request.user)
    except WorkflowError:
        messages.error(request, _("Deze stap kan nu niet: de status is intussen gewijzigd."))
    else:
        messages.success(
            request,
            _("Aanlevering %(number)s is %(status)s.")
            % {"number": delivery.pk, "status": delivery.get_status_display()}
            if delivery.status == to
            else _("Aanlevering %(number)s wordt ingetrokken; dat kan even duren.")
            % {"number": delivery.pk},
        )
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("workspace:delivery", pk=delivery.pk)
