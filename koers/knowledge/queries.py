"""The read side of the knowledge base for pages, the API and feeds: published only.

One query per list, whatever the number of practices: the current published version of
a practice is its newest published one, unless its newest version is withdrawn.
"""

from __future__ import annotations

from django.db.models import F, OuterRef, QuerySet, Subquery

from koers.knowledge.models import PracticeStatus, PracticeVersion


def published_versions() -> QuerySet[PracticeVersion]:
    """The current published version of every practice that has one (newest first)."""
    versions = PracticeVersion.objects.filter(practice=OuterRef("practice")).order_by("-number")
    return (
        PracticeVersion.objects.filter(status=PracticeStatus.PUBLISHED)
        .annotate(
            latest_status=Subquery(versions.values("status")[:1]),
            newest_published=Subquery(
                versions.filter(status=PracticeStatus.PUBLISHED).values("number")[:1]
            ),
        )
        .filter(number=F("newest_published"))
        .exclude(latest_status=PracticeStatus.WITHDRAWN)
        .select_related("practice__theme", "practice__lead_province")
        .order_by("-published_at", "-pk")
    )


def for_goal(goal) -> QuerySet[PracticeVersion]:
    return published_versions().filter(goals=goal)


def led_by(province) -> QuerySet[PracticeVersion]:
    return published_versions().filter(practice__lead_province=province)


def in_area(area) -> QuerySet[PracticeVersion]:
    return published_versions().filter(areas=area)


def for_theme(theme) -> QuerySet[PracticeVersion]:
    return published_versions().filter(practice__theme=theme)
