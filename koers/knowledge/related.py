"""'Meer zoals dit': practices that share goals and areas, and practices whose text is alike
by the database's own full-text ranking (through the shared search piece)."""

from __future__ import annotations

from collections import Counter

from koers.knowledge.indexing import PRACTICE
from koers.knowledge.models import Practice, PracticeStatus, PracticeVersion
from koers.search.dutch import words
from koers.search.service import search

#: The longest words of the title and of what was tried are searched one by one: a
#: practice sharing more of them, ranked higher by the database, comes first.
TEXT_WORDS = 6


def more_like_this(
    practice: Practice, version: PracticeVersion, *, limit: int = 5
) -> list[Practice]:
    score: Counter[int] = Counter()
    goals = set(version.goals.values_list("pk", flat=True))
    areas = set(version.areas.values_list("pk", flat=True))
    published = PracticeVersion.objects.filter(status=PracticeStatus.PUBLISHED).exclude(
        practice=practice
    )
    for other in published.prefetch_related("goals", "areas"):
        shared = len(goals & {g.pk for g in other.goals.all()}) * 2
        shared += len(areas & {a.pk for a in other.areas.all()}) * 2
        if shared:
            score[other.practice_id] = max(score[other.practice_id], shared)
    seen: set[str] = set()
    candidates = sorted(set(words(f"{version.title} {version.tried}")), key=len, reverse=True)
    for word in [w for w in candidates if len(w) > 4 and not (w in seen or seen.add(w))][
        :TEXT_WORDS
    ]:
        for hit in search(word, filters={"soort": [PRACTICE]}, limit=10).hits:
            key = int(hit.key)
            if key != practice.pk:
                score[key] += 1 + hit.rank
    chosen = [pk for pk, _score in score.most_common() if pk != practice.pk]
    by_pk = {p.pk: p for p in Practice.objects.filter(pk__in=chosen)}
    return [by_pk[pk] for pk in chosen if pk in by_pk and by_pk[pk].published][:limit]
