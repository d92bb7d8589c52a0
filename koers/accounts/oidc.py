"""Single sign-on through OpenID Connect (mozilla-django-oidc), next to local accounts.

Off unless KOERS_OIDC_ISSUER and KOERS_OIDC_CLIENT_ID are set. The provider's endpoints
come from its discovery document, read on first use (never at start-up, so a provider
that is down cannot stop local logins). A user is found by (issuer, ``sub``); their roles
come from the role claim through KOERS_OIDC_ROLE_MAP and are replaced at every login.
"""

from __future__ import annotations

import logging
from functools import lru_cache

import jwt
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from koers.accounts.audit import attribute_to
from koers.accounts.claims import GrantedRole, roles_from_claims
from koers.accounts.models import OidcIdentity, RoleAssignment, RoleSource

log = logging.getLogger("koers.accounts")

#: mozilla-django-oidc setting → field of the provider's discovery document
DISCOVERED = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
}


def oidc_enabled() -> bool:
    return bool(settings.OIDC_OP_ISSUER and settings.OIDC_RP_CLIENT_ID)


@lru_cache(maxsize=4)
def provider_metadata(issuer: str) -> dict:
    """The provider's discovery document (cached per process)."""
    url = issuer.rstrip("/") + "/.well-known/openid-configuration"
    response = requests.get(url, timeout=settings.OIDC_TIMEOUT)
    response.raise_for_status()
    return response.json()


def oidc_setting(attr: str, *default):
    """A mozilla-django-oidc setting; provider endpoints come from discovery."""
    if attr in DISCOVERED and not hasattr(settings, attr):
        return provider_metadata(settings.OIDC_OP_ISSUER)[DISCOVERED[attr]]
    return import_from_settings(attr, *default)


def _lazy(attr: str, *default):
    return property(lambda self: oidc_setting(attr, *default))


class KoersOIDCBackend(OIDCAuthenticationBackend):
    """Finds or creates the user of an OIDC login and gives them the mapped roles."""

    get_settings = staticmethod(oidc_setting)
    OIDC_OP_TOKEN_ENDPOINT = _lazy("OIDC_OP_TOKEN_ENDPOINT")
    OIDC_OP_USER_ENDPOINT = _lazy("OIDC_OP_USER_ENDPOINT")
    OIDC_OP_JWKS_ENDPOINT = _lazy("OIDC_OP_JWKS_ENDPOINT")
    OIDC_RP_CLIENT_ID = _lazy("OIDC_RP_CLIENT_ID")
    OIDC_RP_CLIENT_SECRET = _lazy("OIDC_RP_CLIENT_SECRET")
    OIDC_RP_SIGN_ALGO = _lazy("OIDC_RP_SIGN_ALGO", "RS256")
    OIDC_RP_IDP_SIGN_KEY = None

    def __init__(self, *args, **kwargs) -> None:
        # Django builds a backend for every login and session lookup: read nothing here.
        self.UserModel = get_user_model()

    def authenticate(self, request, **kwargs):
        if request is None or not oidc_enabled() or "code" not in request.GET:
            return None
        return super().authenticate(request, **kwargs)

    def retrieve_matching_jwk(self, token):
        """The provider's signing key for ``token``: by ``kid`` when both carry one (some
        providers publish a single key without), and always by algorithm."""
        header = jwt.get_unverified_header(token)
        response = requests.get(self.OIDC_OP_JWKS_ENDPOINT, timeout=settings.OIDC_TIMEOUT)
        response.raise_for_status()
        for key in response.json().get("keys", []):
            if "kid" in header and key.get("kid", header["kid"]) != header["kid"]:
                continue
            if key.get("alg", header.get("alg")) != header.get("alg"):
                continue
            return jwt.PyJWK(key)
        raise SuspiciousOperation("no signing key of the provider matches the ID token")

    def verify_claims(self, claims: dict) -> bool:
        return bool(claims.get("sub"))

    def filter_users_by_claims(self, claims: dict):
        return self.UserModel.objects.filter(
            oidc_identity__issuer=settings.OIDC_OP_ISSUER, oidc_identity__subject=claims["sub"]
        )

    @transaction.atomic
    def create_user(self, claims: dict):
        user = self.UserModel(username=_free_username(claims), email=claims.get("email", ""))
        user.set_unusable_password()  # signs in through the provider only
        attribute_to(user, kanaal="oidc", issuer=settings.OIDC_OP_ISSUER)
        user.save()
        OidcIdentity.objects.create(
            user=user, issuer=settings.OIDC_OP_ISSUER, subject=claims["sub"]
        )
        log.info("single sign-on created user %s for subject %s", user.username, claims["sub"])
        return self.update_user(user, claims)

    @transaction.atomic
    def update_user(self, user, claims: dict):
        attribute_to(user, kanaal="oidc", issuer=settings.OIDC_OP_ISSUER)
        granted = roles_from_claims(
            claims, claim=settings.KOERS_OIDC_ROLE_CLAIM, mapping=settings.KOERS_OIDC_ROLE_MAP
        )
        sync_roles(user, granted)
        return user


def _free_username(claims: dict) -> str:
    """The configured claim as user name; a name a local account already has gets a suffix."""
    User = get_user_model()
    wanted = claims.get(settings.KOERS_OIDC_USERNAME_CLAIM) or claims.get("email") or claims["sub"]
    wanted = str(wanted)[:140]
    name, n = wanted, 1
    while User.objects.filter(username=name).exists():
        n += 1
        name = f"{wanted}-{n}"
    return name


def sync_roles(user, granted: list[GrantedRole]) -> None:
    """Make the user's single sign-on roles exactly ``granted``; local roles stay as they are."""
    Area = RoleAssignment._meta.get_field("province").related_model
    Theme = RoleAssignment._meta.get_field("themes").related_model
    current = {
        GrantedRole(
            a.role,
            a.province.code if a.province_id else None,
            tuple(sorted(t.number for t in a.themes.all())),
        ): a
        for a in user.roles.filter(source=RoleSource.OIDC).select_related("province")
    }
    wanted = {GrantedRole(g.role, g.province, tuple(sorted(g.themes))) for g in granted}
    for grant, assignment in current.items():
        if grant not in wanted:
            assignment.delete()
    for grant in wanted - set(current):
        province = None
        if grant.province:
            province = Area.objects.filter(code=grant.province, type="provincie").first()
            if province is None:
                log.warning("single sign-on: unknown province %s in role map", grant.province)
                continue
        assignment = RoleAssignment.objects.create(
            user=user, role=grant.role, province=province, source=RoleSource.OIDC
        )
        if grant.themes:
            assignment.themes.set(Theme.objects.filter(number__in=grant.themes))
    if hasattr(user, "_koers_roles"):
        del user._koers_roles


class _OnlyWhenEnabled:
    def dispatch(self, request, *args, **kwargs):
        if not oidc_enabled():
            raise Http404("single sign-on is not configured")
        return super().dispatch(request, *args, **kwargs)


class LoginRedirectView(_OnlyWhenEnabled, OIDCAuthenticationRequestView):
    """Sends the browser to the provider's login page."""

    get_settings = staticmethod(oidc_setting)

    def __init__(self, *args, **kwargs) -> None:
        super(OIDCAuthenticationRequestView, self).__init__(*args, **kwargs)

    def get(self, request):
        self.OIDC_OP_AUTH_ENDPOINT = oidc_setting("OIDC_OP_AUTHORIZATION_ENDPOINT")
        self.OIDC_RP_CLIENT_ID = oidc_setting("OIDC_RP_CLIENT_ID")
        return super().get(request)


class CallbackView(_OnlyWhenEnabled, OIDCAuthenticationCallbackView):
    """The provider sends the browser back here with a code; a failure goes to the login page."""

    get_settings = staticmethod(oidc_setting)

    @property
    def failure_url(self) -> str:
        return reverse("login") + "?sso=mislukt"

    def get(self, request):
        try:
            return super().get(request)
        except (requests.RequestException, SuspiciousOperation, KeyError, ValueError) as exc:
            # A provider that is down or answers nonsense: back to the login page, never a 500.
            log.warning("single sign-on failed: %s", exc)
            return self.login_failure()
