"""The workspace home: what the signed-in user can do, card by card for each role."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from koers.accounts.models import Role
from koers.accounts.permissions import Action, can, roles_of, stewarded_provinces
from koers.areas.queries import dutch_provinces
from koers.deliveries.completeness import completeness_rows
from koers.deliveries.models import Delivery, DeliveryStatus
from koers.programme.models import Theme
from koers.workspace.access import has_workspace
from koers.workspace.matrix import outstanding
from koers.workspace.views.layout import render_page


def _province_cards(user) -> list[dict]:
    """For each province the user stewards: deliveries waiting for them and what is due."""
    provinces = dutch_provinces().filter(code__in=stewarded_provinces(user))
    if not provinces:
        return []
    rows = completeness_rows()
    cards = []
    for province in provinces:
        waiting = Delivery.objects.filter(province=province).aggregate(
            to_submit=Count("pk", filter=Q(status=DeliveryStatus.VALIDATED)),
            to_approve=Count("pk", filter=Q(status=DeliveryStatus.SUBMITTED)),
            rejected=Count("pk", filter=Q(status=DeliveryStatus.REJECTED)),
        )
        due = outstanding(rows, province=province.code)
        cards.append(
            {
                "province": province,
                **waiting,
                "late": sum(1 for r in due if r["state"] == "late"),
                "expected": sum(1 for r in due if r["state"] == "expected"),
            }
        )
    return cards


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Where everyone lands after logging in; a reader has no workspace: the home page."""
    user = request.user
    if not has_workspace(user):
        return redirect("web:home")
    roles = list(user.roles.select_related("province").prefetch_related("themes"))
    leads = [r for r in roles if r.role == Role.THEME_LEAD]
    lead_themes = Theme.objects.filter(roleassignment__in=leads).distinct().order_by("number")
    context = {
        "roles": roles,
        "is_superuser": user.is_superuser,
        "province_cards": _province_cards(user),
        "lead_themes": lead_themes,
        "may_publish": can(user, Action.PUBLISH_DELIVERY),
        "approved_waiting": Delivery.objects.filter(status=DeliveryStatus.APPROVED).count(),
        "may_deliver_anywhere": can(user, Action.UPLOAD_DELIVERY),
        "may_refresh": can(user, Action.REFRESH_ANALYTICS),
        "may_see_completeness": can(user, Action.VIEW_COMPLETENESS),
        "may_adjust_goals": can(user, Action.ADJUST_GOAL),
        "may_manage_targets": can(user, Action.MANAGE_TARGETS),
        "may_read_audit_log": can(user, Action.VIEW_AUDIT_LOG),
        "may_manage_accounts": can(user, Action.MANAGE_ACCOUNTS),
        "is_office": Role.PROGRAMME_OFFICE in roles_of(user),
    }
    return render_page(request, "workspace/home.html", context, current="workspace:home")
