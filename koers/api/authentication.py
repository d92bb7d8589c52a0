"""``Authorization: Token …``: a hashed, scoped, expiring API token (django-rest-knox).

The token's user is the request's user, narrowed by the token's scope and province in
:func:`koers.accounts.permissions.can`; the audit log names that user as the actor.
"""

from __future__ import annotations

from hmac import compare_digest

from django.utils import formats, timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.plumbing import build_bearer_security_scheme_object
from knox.auth import TokenAuthentication
from knox.crypto import hash_token
from knox.settings import CONSTANTS
from rest_framework import exceptions

from koers.accounts.audit import attribute_to
from koers.accounts.models import ApiToken


class InvalidToken(exceptions.AuthenticationFailed):
    default_code = "authentication_failed"
    default_detail = "Dit token is ongeldig of ingetrokken."


class ExpiredToken(exceptions.AuthenticationFailed):
    default_code = "token_expired"
    default_detail = "Dit token is verlopen; vraag een nieuw token aan."


class ScopedTokenAuthentication(TokenAuthentication):
    """A knox token; an expired token is refused (401) and kept, so it can be listed."""

    def authenticate_credentials(self, token: bytes):
        text = token.decode("utf-8", errors="replace")
        candidates = ApiToken.objects.filter(
            token_key=text[: CONSTANTS.TOKEN_KEY_LENGTH]
        ).select_related("user", "province")
        digest = hash_token(text)
        for candidate in candidates:
            if not compare_digest(digest, candidate.digest):
                continue
            if candidate.expired:
                moment = formats.date_format(timezone.localtime(candidate.expiry), "j F Y H:i")
                raise ExpiredToken(f"Dit token is verlopen op {moment}; vraag een nieuw token aan.")
            if not candidate.user.is_active:
                raise InvalidToken("De gebruiker van dit token is niet (meer) actief.")
            user = candidate.user
            user.api_token = candidate  # read by accounts.permissions.can()
            attribute_to(user, kanaal="api-token", token=candidate.token_key)
            return user, candidate
        raise InvalidToken()


class ScopedTokenScheme(OpenApiAuthenticationExtension):
    """The OpenAPI security scheme: the same ``Authorization: Token …`` as before."""

    target_class = ScopedTokenAuthentication
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return build_bearer_security_scheme_object(
            header_name="Authorization", token_prefix=self.target.authenticate_header(None)
        )
