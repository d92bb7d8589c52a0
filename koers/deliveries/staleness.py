"""Competing and stale deliveries.

Two pending deliveries that cover one (indicator, area) pair compete. A pending delivery
is stale when the published state of one of its pairs changed after its import read it
(another delivery sharing a pair was published, or withdrawn after publication): its
stored differences may no longer be the differences from what is published. A stale
delivery cannot be approved or published; it is validated again instead (revalidate()).

"After" is exact, not a matter of clocks: every publication and withdrawal bumps the
generation of the published state (PublicationCounter, under its row lock, so
generations follow commit order); an import records the generation before it reads.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, QuerySet

from koers.deliveries.models import Coverage, Delivery, DeliveryStatus, PublicationCounter

PENDING = (DeliveryStatus.VALIDATED, DeliveryStatus.SUBMITTED, DeliveryStatus.APPROVED)


@dataclass(frozen=True)
class Standing:
    """Where a delivery stands against the others that cover its pairs."""

    stale: bool
    stale_because: list[int]  # deliveries published or withdrawn since its import
    competing: list[int]  # other pending deliveries sharing a pair


def sharing_pairs(delivery: Delivery) -> QuerySet[Delivery]:
    """Other deliveries that cover at least one of this delivery's pairs."""
    mine = Coverage.objects.filter(
        delivery_id=delivery.pk,
        indicator_id=OuterRef("indicator_id"),
        area_id=OuterRef("area_id"),
    )
    theirs = Coverage.objects.filter(delivery_id=OuterRef("pk")).filter(Exists(mine))
    return Delivery.objects.exclude(pk=delivery.pk).filter(Exists(theirs))


def current_generation() -> int:
    """The generation of the published state, as last committed."""
    counter = PublicationCounter.objects.filter(pk=1).values_list("generation", flat=True)
    return counter.first() or 0


def advance_generation() -> int:
    """Bump the generation inside a publication's or withdrawal's transaction."""
    counter, _ = PublicationCounter.objects.get_or_create(pk=1)
    PublicationCounter.objects.filter(pk=1).update(generation=F("generation") + 1)
    counter.refresh_from_db()
    return counter.generation


def changed_since_import(delivery: Delivery) -> QuerySet[Delivery]:
    """Deliveries sharing a pair that were published, or withdrawn from publication,
    after this delivery's import read the published state."""
    return sharing_pairs(delivery).filter(changed_generation__gt=delivery.read_generation or 0)


def standing(delivery: Delivery) -> Standing:
    if delivery.status not in PENDING:
        return Standing(stale=False, stale_because=[], competing=[])
    because = sorted(changed_since_import(delivery).values_list("pk", flat=True))
    competing = sorted(
        sharing_pairs(delivery).filter(status__in=PENDING).values_list("pk", flat=True)
    )
    return Standing(stale=bool(because), stale_because=because, competing=competing)


def is_stale(delivery: Delivery) -> bool:
    return delivery.status in PENDING and changed_since_import(delivery).exists()
