"""Local accounts and their roles: the one place that creates, grants, revokes and
deactivates, for the first account and scripts (`koers users`) and for the programme
office's account pages in the workspace. Every change is in the audit log (apps.py)."""

from __future__ import annotations

from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.db import transaction

from koers.accounts.models import Role, RoleAssignment
from koers.errors import KoersError


class AccountError(KoersError):
    """An account or role that cannot be created as asked (``nl``: the workspace's text)."""

    code = "account"
    title = "Account error"

    @property
    def dutch(self) -> str:
        return str(self.context.get("nl") or self.message)


def _role(role: str) -> str:
    if role not in Role.values:
        raise AccountError(f"unknown role {role!r}; choose one of {', '.join(Role.values)}")
    return role


@transaction.atomic
def grant_role(username: str, role: str, *, province: str | None = None, themes=()) -> str:
    """Give ``username`` a role; stewards need a province, theme leads one or more themes."""
    # The related models as the role model names them (areas and programme sit above).
    area_model = RoleAssignment._meta.get_field("province").related_model
    theme_model = RoleAssignment._meta.get_field("themes").related_model
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise AccountError(f"no user {username!r} (create it with `koers users create`)")
    role = _role(role)
    area = None
    if role == Role.PROVINCE_STEWARD:
        area = area_model.objects.filter(code=province or "", type="provincie").first()
        if area is None:
            raise AccountError(
                f"a province steward needs --province with a province code; got {province!r}"
            )
    elif province:
        raise AccountError(f"--province applies to {Role.PROVINCE_STEWARD} only")
    theme_rows = list(theme_model.objects.filter(number__in=themes))
    if role == Role.THEME_LEAD and (not themes or len(theme_rows) != len(set(themes))):
        known = ", ".join(theme_model.objects.values_list("number", flat=True))
        raise AccountError(f"a theme lead needs --theme with known theme codes ({known})")
    assignment, _ = RoleAssignment.objects.get_or_create(user=user, role=role, province=area)
    if theme_rows:
        assignment.themes.add(*theme_rows)
    return str(assignment)


@transaction.atomic
def create_user(
    username: str,
    password: str,
    *,
    role: str,
    province: str | None = None,
    themes=(),
    email: str = "",
    staff: bool = False,
) -> str:
    """Create a local account with one role; the password must pass the site's rules."""
    model = get_user_model()
    if model.objects.filter(username=username).exists():
        raise AccountError(f"user {username!r} exists; add a role with `koers users grant`")
    _role(role)
    candidate = model(username=username, email=email)
    try:
        password_validation.validate_password(password, candidate)
    except ValidationError as exc:
        raise AccountError("password refused: " + " ".join(exc.messages)) from None
    user = model.objects.create_user(username, email=email, password=password, is_staff=staff)
    grant_role(user.username, role, province=province, themes=themes)
    return user.username


@transaction.atomic
def revoke_role(username: str, role: str, *, province: str | None = None, by=None) -> str:
    """Take a role (for that province, if a steward) from ``username``.

    ``by`` is the person doing it: the programme office cannot take its own office role,
    so there is always someone left who can manage accounts.
    """
    user = _user(username)
    found = RoleAssignment.objects.filter(user=user, role=_role(role))
    if province:
        found = found.filter(province__code=province)
    assignment = found.select_related("province").first()
    if assignment is None:
        raise AccountError(
            f"{username!r} does not have the role {role!r}",
            nl=f"{username} heeft deze rol niet (meer).",
        )
    if by is not None and by.pk == user.pk and role == Role.PROGRAMME_OFFICE:
        raise AccountError(
            "you cannot take your own programme office role",
            nl="U kunt uw eigen rol programmabureau niet intrekken; vraag een collega.",
        )
    described = str(assignment)
    assignment.delete()
    return described


@transaction.atomic
def set_active(username: str, active: bool, *, by=None) -> str:
    """Deactivate (or reactivate) an account: it keeps its history but cannot sign in."""
    user = _user(username)
    if by is not None and by.pk == user.pk and not active:
        raise AccountError(
            "you cannot deactivate your own account",
            nl="U kunt uw eigen account niet uitschakelen; vraag een collega.",
        )
    user.is_active = active
    user.save(update_fields=["is_active"])
    return user.username


def accounts():
    """Every account with its roles, for the workspace's account list."""
    return (
        get_user_model()
        .objects.order_by("username")
        .prefetch_related("roles__province", "roles__themes")
    )


def _user(username: str):
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise AccountError(f"no user {username!r}")
    return user
