"""A delivery against the others that cover its pairs: competing, stale, validate again."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from koers.accounts.permissions import Action, can
from koers.deliveries.models import Delivery
from koers.deliveries.revalidation import NotStale, revalidate
from koers.deliveries.staleness import standing
from koers.workspace.access import workspace_page

STALE_MESSAGE = gettext_lazy(
    "Deze aanlevering is verouderd: sinds zij is ingelezen zijn gepubliceerde waarden voor "
    "dezelfde indicatoren en gebieden veranderd. Valideer haar opnieuw voordat zij wordt "
    "goedgekeurd of gepubliceerd."
)


def standing_context(user, delivery: Delivery) -> dict:
    """Competitors and staleness of a delivery, as the delivery page shows them."""
    state = standing(delivery)
    visible = Delivery.objects.visible_to(user)
    return {
        "standing": state,
        "competitors": list(visible.filter(pk__in=state.competing).select_related("file")),
        "stale_because": list(visible.filter(pk__in=state.stale_because).select_related("file")),
        "may_revalidate": state.stale
        and can(user, Action.UPLOAD_DELIVERY, province=delivery.province)
        and can(user, Action.WITHDRAW_DELIVERY, province=delivery.province),
    }


@workspace_page
@require_POST
def delivery_revalidate(request: HttpRequest, pk: int) -> HttpResponse:
    """Import a stale delivery's kept original again; the stale one is withdrawn."""
    delivery = get_object_or_404(Delivery.objects.visible_to(request.user), pk=pk)
    try:
        fresh = revalidate(delivery, user=request.user)
    except NotStale:
        messages.error(request, _("Deze aanlevering is niet verouderd; dat hoeft niet."))
        return redirect("workspace:delivery", pk=delivery.pk)
    from koers.jobs.tasks import enqueue_import

    enqueue_import(fresh)
    messages.success(
        request,
        _("Aanlevering %(old)s wordt opnieuw gevalideerd als aanlevering %(new)s.")
        % {"old": delivery.pk, "new": fresh.pk},
    )
    return redirect("workspace:delivery", pk=fresh.pk)
