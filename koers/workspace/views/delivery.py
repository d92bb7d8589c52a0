"""One delivery: its validation report in the rows of the file, and its workflow steps."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from koers.accounts.permissions import Action, can, require
from koers.deliveries import four_eyes, staleness
from koers.deliveries.models import Delivery, DeliveryStatus
from koers.deliveries.reports import delivery_summary
from koers.deliveries.workflow import (
    TRANSITIONS,
    StaleDelivery,
    WorkflowError,
    allowed_transitions,
    transition,
)
from koers.jobs.status import latest_import_job, pending_withdrawal
from koers.jobs.tasks import request_withdrawal
from koers.workspace.access import workspace_page
from koers.workspace.findings import report_for
from koers.workspace.preview import preview_of
from koers.workspace.views.deliver import upload_form
from koers.workspace.views.layout import render_page
from koers.workspace.views.standing import STALE_MESSAGE, standing_context

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
    stale = staleness.is_stale(delivery)
    for to in allowed_transitions(delivery):
        if stale and to in (DeliveryStatus.APPROVED, DeliveryStatus.PUBLISHED):
            continue  # validate again first (standing.py)
        if four_eyes.blocks(delivery, to, user):
            continue
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


#: Statuses whose values are stored but not yet public: their page shows what would change.
PREVIEWED = (DeliveryStatus.VALIDATED, DeliveryStatus.SUBMITTED, DeliveryStatus.APPROVED)

FOUR_EYES_MESSAGE = gettext_lazy(
    "Vier ogen: u heeft deze aanlevering zelf geüpload en mag haar daarom niet zelf "
    "goedkeuren of publiceren. Vraag een collega, of het programmabureau om een uitzondering."
)


def _four_eyes_context(user, delivery: Delivery) -> dict:
    """Whether the uploader is held back, and whether this user may grant an exception."""
    waiting = delivery.status in (DeliveryStatus.SUBMITTED, DeliveryStatus.APPROVED)
    own = waiting and any(four_eyes.blocks(delivery, to, user) for to in four_eyes.GUARDED)
    grant = four_eyes.granted_exception(delivery) if waiting else None
    return {
        "four_eyes_own": own,
        "four_eyes_grant": grant,
        "four_eyes_may_grant": waiting
        and grant is None
        and delivery.submitted_by_id is not None
        and four_eyes.may_grant_exception(user),
    }


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
    previewed = delivery.status in PREVIEWED
    context = {
        "delivery": delivery,
        "preview": preview_of(delivery) if previewed else None,
        "summary": delivery_summary(delivery),
        "report": report_for(delivery),
        "actions": actions_for(request.user, delivery),
        "transitions": _steps(delivery),
        "form": upload_form(request.user, province=province) if reupload else None,
        "import_job": latest_import_job(delivery),
        "withdrawal": pending_withdrawal(delivery),
        **_four_eyes_context(request.user, delivery),
        **standing_context(request.user, delivery),
        "stale_message": STALE_MESSAGE,
    }
    return render_page(request, "workspace/delivery.html", context, current="workspace:deliver")


@workspace_page
@require_GET
def publish_confirmation(request: HttpRequest, pk: int) -> HttpResponse:
    """Before publishing: what changes on the public site, and one button to go ahead."""
    delivery = get_object_or_404(
        Delivery.objects.visible_to(request.user).select_related("file", "province"), pk=pk
    )
    require(request.user, Action.PUBLISH_DELIVERY, province=delivery.province)
    if delivery.status != DeliveryStatus.APPROVED:
        messages.error(request, _("Alleen een goedgekeurde aanlevering kan gepubliceerd worden."))
        return redirect("workspace:delivery", pk=delivery.pk)
    back = request.GET.get("terug", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("workspace:delivery", args=[delivery.pk])
    context = {"delivery": delivery, "preview": preview_of(delivery), "back": back, "next": back}
    return render_page(
        request, "workspace/publish_confirm.html", context, current="workspace:publish"
    )


@workspace_page
@require_POST
def delivery_transition(request: HttpRequest, pk: int) -> HttpResponse:
    """Move a delivery one step; workflow.transition checks the role and the province."""
    delivery = get_object_or_404(Delivery, pk=pk)
    to = request.POST.get("to", "")
    if to == DeliveryStatus.PUBLISHED and request.POST.get("bevestigd") != "ja":
        return redirect("workspace:publish-confirm", pk=delivery.pk)  # see what changes first
    try:
        if to == DeliveryStatus.WITHDRAWN:  # set-based over all its rows: a job
            delivery = request_withdrawal(delivery, user=request.user)
        else:
            delivery = transition(delivery, to, user=request.user)
    except StaleDelivery:
        messages.error(request, STALE_MESSAGE)
    except WorkflowError:
        messages.error(request, _("Deze stap kan nu niet: de status is intussen gewijzigd."))
    except four_eyes.FourEyesError:
        messages.error(request, FOUR_EYES_MESSAGE)
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


@workspace_page
@require_POST
def delivery_exception(request: HttpRequest, pk: int) -> HttpResponse:
    """The programme office lets the uploader approve and publish this delivery (audited)."""
    delivery = get_object_or_404(Delivery.objects.visible_to(request.user), pk=pk)
    reason = request.POST.get("reason", "")
    if not four_eyes.may_grant_exception(request.user):
        raise PermissionDenied("not allowed: four-eyes exception")
    try:
        four_eyes.grant_exception(delivery, user=request.user, reason=reason)
    except four_eyes.ExceptionRefused:
        messages.error(request, _("Geef een reden voor de uitzondering."))
    else:
        messages.success(request, _("Uitzondering op vier ogen vastgelegd in het auditlog."))
    return redirect("workspace:delivery", pk=delivery.pk)
