"""Accounts and roles, managed by the programme office (not in the Django admin).

Every change goes through accounts/users.py, the same functions as `koers users`, and
lands in the audit log with the office member as its actor.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from koers.accounts import users
from koers.accounts.permissions import Action, require
from koers.workspace.access import workspace_page
from koers.workspace.account_forms import AccountForm, RoleFields
from koers.workspace.views.layout import render_page


@workspace_page
@require_http_methods(["GET", "POST"])
def accounts(request: HttpRequest) -> HttpResponse:
    """The list of accounts, and a form for a new one."""
    require(request.user, Action.MANAGE_ACCOUNTS)
    form = AccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            name = users.create_user(
                data["username"],
                data["password"],
                role=data["role"],
                province=data["province"] or None,
                themes=data["themes"],
                email=data["email"],
            )
        except users.AccountError as exc:
            form.add_error(None, exc.dutch)
        else:
            messages.success(request, _("Account %(name)s is aangemaakt.") % {"name": name})
            return redirect("workspace:account", pk=get_user_model().objects.get(username=name).pk)
    status = 400 if form.errors else 200
    context = {"accounts": users.accounts(), "form": form}
    return render_page(
        request, "workspace/accounts.html", context, current="workspace:accounts", status=status
    )


@workspace_page
@require_http_methods(["GET", "POST"])
def account(request: HttpRequest, pk: int) -> HttpResponse:
    """One account: its roles (grant, revoke) and whether it may sign in."""
    require(request.user, Action.MANAGE_ACCOUNTS)
    person = get_object_or_404(get_user_model(), pk=pk)
    form = RoleFields(request.POST if request.POST.get("action") == "grant" else None)
    if request.method == "POST":
        try:
            done = _change(request, person, form)
        except users.AccountError as exc:
            messages.error(request, exc.dutch)
            return redirect("workspace:account", pk=pk)
        if done:
            messages.success(request, done)
            return redirect("workspace:account", pk=pk)
    roles = person.roles.select_related("province").prefetch_related("themes")
    context = {"person": person, "roles": roles, "form": form}
    status = 400 if form.errors else 200
    return render_page(
        request, "workspace/account.html", context, current="workspace:accounts", status=status
    )


def _change(request: HttpRequest, person, form: RoleFields) -> str | None:
    """Do the posted change; the message to show, or None when the form has errors."""
    action, name = request.POST.get("action"), person.get_username()
    if action == "grant":
        if not form.is_valid():
            return None
        data = form.cleaned_data
        users.grant_role(
            name, data["role"], province=data["province"] or None, themes=data["themes"]
        )
        return _("Rol toegekend aan %(name)s.") % {"name": name}
    if action == "revoke":
        role, province = request.POST.get("role", ""), request.POST.get("province") or None
        users.revoke_role(name, role, province=province, by=request.user)
        return _("Rol ingetrokken bij %(name)s.") % {"name": name}
    if action in ("deactivate", "activate"):
        users.set_active(name, action == "activate", by=request.user)
        if action == "activate":
            return _("%(name)s kan weer inloggen.") % {"name": name}
        return _("%(name)s is uitgeschakeld en kan niet meer inloggen.") % {"name": name}
    raise users.AccountError(f"unknown action {action!r}", nl=_("Onbekende handeling."))
