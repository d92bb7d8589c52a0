"""Local accounts and their roles, for the first account and for scripts (`koers users`)."""

from __future__ import annotations

from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.db import transaction

from koers.accounts.models import Role, RoleAssignment
from koers.errors import KoersError


class AccountError(KoersError):
    """An account or role that cannot be created as asked."""

    code = "account"
    title = "Account error"


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
