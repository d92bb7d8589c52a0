"""The read side of the knowledge base for pages, the API and feeds: published only."""

from __future__ import annotations

from koers.knowledge.models import Practice, PracticeStatus, PracticeVersion


def published_versions():
    """The current published version of every practice that has one (and is not withdrawn)."""
    versions = (
        PracticeVersion.objects.filter(status=PracticeStatus.PUBLISHED)
        .select_related("practice__theme", "practice__lead_province")
        .order_by("practice_id", "-number")
    )
    seen, current = set(), []
    withdrawn = set(
        Practice.objects.filter(versions__status=PracticeStatus.WITHDRAWN).values_list(
            "pk", flat=True
        )
    )
    for version in versions:
        if version.practice_id in seen:
            continue
        seen.add(version.practice_id)
        latest = version.practice.latest
        if version.practice_id in withdrawn and latest.status == PracticeStatus.WITHDRAWN:
            continue
        current.append(version)
    return sorted(current, key=lambda v: v.published_at or v.created_at, reverse=True)


def for_goal(goal) -> list[PracticeVersion]:
    return [v for v in published_versions() if goal in v.goals.all()]


def led_by(province) -> list[PracticeVersion]:
    return [v for v in published_versions() if v.practice.lead_province_id == province.pk]


def in_area(area) -> list[PracticeVersion]:
    return [v for v in published_versions() if area in v.areas.all()]


def for_theme(theme) -> list[PracticeVersion]:
    return [v for v in published_versions() if v.practice.theme_id == theme.pk]
