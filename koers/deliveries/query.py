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


def visible_provinces(user) -> frozenset[str] | None:
    """Province codes whose deliveries ``user`` sees; None means every province."""
    if sees_every_delivery(user):
        return None
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    return frozenset(stewarded_provinces(user))


class DeliveryQuerySet(models.QuerySet):
    def visible_to(self, user) -> DeliveryQuerySet:
        """Deliveries of the provinces ``user`` stewards and their own uploads; all for
        superusers, the programme office and analysts; none for anonymous users."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        provinces = visible_provinces(user)
        if provinces is None:
            return self
        return self.filter(Q(province__code__in=provinces) | Q(submitted_by=user))
