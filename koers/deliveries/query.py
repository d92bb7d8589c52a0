"""The one rule for "who may see a delivery": ``Delivery.objects.visible_to(user)``.

The workspace, the API, the admin and completeness all ask this module. Seeing a
delivery means seeing its file, its report and its unpublished values.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from koers.accounts.models import Role
from koers.accounts.permissions import roles_of, stewarded_provinces

#: Roles that see every delivery of every province.
SEES_ALL = frozenset({Role.PROGRAMME_OFFICE, Role.ANALYST})


def sees_every_delivery(user) -> bool:
    """Superusers, the programme office and analysts see all deliveries."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or bool(roles_of(user) & SEES_ALL)


def _token_province(user) -> str | None:
    """The one province an API token of the request is limited to, if any."""
    token = getattr(user, "api_token", None)  # set by koers.api.authentication
    return token.province.code if token is not None and token.province_id else None


def visible_provinces(user) -> frozenset[str] | None:
    """Province codes whose deliveries ``user`` sees; None means every province.

    A request with an API token limited to one province sees at most that province.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    limit = _token_province(user)
    if sees_every_delivery(user):
        return None if limit is None else frozenset({limit})
    provinces = frozenset(stewarded_provinces(user))
    return provinces if limit is None else provinces & {limit}


class DeliveryQuerySet(models.QuerySet):
    def visible_to(self, user) -> DeliveryQuerySet:
        """Deliveries of the provinces ``user`` stewards and their own uploads; all for
        superusers, the programme office and analysts; none for anonymous users."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        provinces = visible_provinces(user)
        if provinces is None:
            return self
        if _token_province(user):  # the token's own province only, own uploads included
            return self.filter(province__code__in=provinces)
        return self.filter(Q(province__code__in=provinces) | Q(submitted_by=user))
