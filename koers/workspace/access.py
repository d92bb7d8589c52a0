"""Who may use which part of the workspace; every answer comes from permissions.can()."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from koers.accounts.models import Role
from koers.accounts.permissions import Action, can, roles_of, stewarded_provinces
from koers.areas.queries import dutch_provinces
from koers.deliveries.query import sees_every_delivery

#: Roles that have a workspace; readers only read the public pages.
WORKSPACE_ROLES = frozenset(
    {Role.PROGRAMME_OFFICE, Role.ANALYST, Role.PROVINCE_STEWARD, Role.THEME_LEAD}
)


@dataclass(frozen=True)
class Page:
    """A workspace page in the sub-navigation; `scoped` pages count a steward's own province;
    `delivery_list` pages are also open to those who see every delivery."""

    url_name: str
    label: str
    action: Action | None
    scoped: bool = False
    delivery_list: bool = False


PAGES = (
    Page("workspace:home", _("Overzicht"), None),
    Page(
        "workspace:deliver",
        _("Aanleveren"),
        Action.UPLOAD_DELIVERY,
        scoped=True,
        delivery_list=True,
    ),
    Page("workspace:completeness", _("Volledigheid"), Action.VIEW_COMPLETENESS),
    Page("workspace:publish", _("Publiceren"), Action.PUBLISH_DELIVERY),
    Page("workspace:analytics", _("Analyse"), Action.REFRESH_ANALYTICS),
    Page("workspace:goals", _("Doelen"), Action.ADJUST_GOAL),
    Page("workspace:targets", _("Streefwaarden"), Action.MANAGE_TARGETS),
    Page("workspace:audit-log", _("Auditlog"), Action.VIEW_AUDIT_LOG),
    Page("workspace:accounts", _("Accounts"), Action.MANAGE_ACCOUNTS),
)


def has_workspace(user) -> bool:
    return user.is_authenticated and (user.is_superuser or bool(roles_of(user) & WORKSPACE_ROLES))


def require_workspace(user) -> None:
    """Readers and users without a role get 403 (anonymous users never reach this)."""
    if not has_workspace(user):
        raise PermissionDenied("no workspace role")


def may(user, action: Action) -> bool:
    """Whether the user may do ``action`` anywhere: for a steward, in their own province."""
    provinces = stewarded_provinces(user) or [None]
    return any(can(user, action, province=code) for code in provinces)


def upload_provinces(user) -> list:
    """Provinces the user may deliver for (the twelve for analysts and superusers)."""
    return [area for area in dutch_provinces() if can(user, Action.UPLOAD_DELIVERY, province=area)]


def allows(user, page: Page) -> bool:
    if page.action is None:
        return True
    if page.delivery_list and sees_every_delivery(user):
        return True
    return may(user, page.action) if page.scoped else can(user, page.action)


def visible_pages(user) -> list[Page]:
    return [page for page in PAGES if allows(user, page)]


def workspace_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Anonymous users go to the login page; signed-in users without a workspace role get 403."""

    @login_required
    @wraps(view)
    def checked(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        require_workspace(request.user)
        return view(request, *args, **kwargs)

    return checked
