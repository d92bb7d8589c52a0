"""API tokens: issue (shown once), list and revoke; which request came with a token.

Tokens are knox tokens (:class:`koers.accounts.models.ApiToken`): only a SHA-512 digest is
stored. What a token may do is decided in :func:`koers.accounts.permissions.can`.
"""

from __future__ import annotations

import re
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model

from koers.accounts.models import ApiToken, TokenScope


class TokenError(Exception):
    """A token request Koers cannot honour; ``code`` is stable."""

    code = "token"


class UnknownUser(TokenError):
    code = "token_unknown_user"


class InvalidLifetime(TokenError):
    code = "token_lifetime"


class UnknownProvince(TokenError):
    code = "token_province"


class TokenNotFound(TokenError):
    code = "token_not_found"


LIFETIME = re.compile(r"^(\d+)([dw])$")


def parse_lifetime(text: str) -> timedelta:
    """``90d`` or ``12w`` → a timedelta, at most KOERS_API_TOKEN_MAX_DAYS."""
    match = LIFETIME.match(text.strip())
    if not match or int(match[1]) == 0:
        raise InvalidLifetime(f"expiry {text!r}: give days or weeks, e.g. 90d or 12w")
    days = int(match[1]) * (7 if match[2] == "w" else 1)
    limit = settings.KOERS_API_TOKEN_MAX_DAYS
    if days > limit:
        raise InvalidLifetime(f"expiry {text!r}: at most {limit} days (KOERS_API_TOKEN_MAX_DAYS)")
    return timedelta(days=days)


def issue_token(
    username: str,
    *,
    scope: str = TokenScope.READ,
    province: str | None = None,
    lifetime: timedelta | None = None,
    name: str = "",
) -> tuple[ApiToken, str]:
    """Create a token for ``username``; returns the row and the token text (shown once)."""
    Area = ApiToken._meta.get_field("province").related_model
    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is None:
        raise UnknownUser(f"no active user named {username!r}")
    area = None
    if province:
        area = Area.objects.filter(code=province, type="provincie").first()
        if area is None:
            raise UnknownProvince(f"{province!r} is not a province code (PV20–PV31)")
    return ApiToken.objects.create(
        user,
        expiry=lifetime if lifetime is not None else settings.REST_KNOX["TOKEN_TTL"],
        scope=TokenScope(scope),
        province=area,
        name=name,
    )


def tokens(*, username: str | None = None):
    """Every token (or one user's), newest first; expired ones stay until revoked."""
    rows = ApiToken.objects.select_related("user", "province")
    return rows.filter(user__username=username) if username else rows


def token_as_dict(token: ApiToken) -> dict:
    return {
        "key": token.token_key,
        "user": token.user.username,
        "scope": token.scope,
        "province": token.province.code if token.province_id else None,
        "name": token.name,
        "created": token.created.isoformat(),
        "expiry": token.expiry.isoformat() if token.expiry else None,
        "expired": token.expired,
    }


def revoke_token(key: str) -> ApiToken:
    """Delete the token whose shown key (the first characters) is ``key``."""
    matches = list(ApiToken.objects.filter(token_key=key).select_related("user"))
    if len(matches) != 1:
        raise TokenNotFound(
            f"no token with key {key!r}" if not matches else f"key {key!r} is ambiguous"
        )
    token = matches[0]
    token.delete()
    return token


def is_token_request(request) -> bool:
    """True when the request was authenticated with an API token (not a browser session)."""
    return isinstance(getattr(request, "auth", None), ApiToken)
