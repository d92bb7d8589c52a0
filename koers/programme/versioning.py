"""Goal versions: adjustments add a version, never rewrite one."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import Max

from koers.programme.models import Goal, GoalVersion


@transaction.atomic
def adjust_goal(
    goal: Goal,
    *,
    text: str,
    valid_from: date,
    reason: str,
    decision_reference: str = "",
    user=None,
) -> GoalVersion:
    """Record a new wording of ``goal`` (a bijstelling) with its date, reason and decision."""
    latest = goal.versions.aggregate(n=Max("version"))["n"] or 0
    return GoalVersion.objects.create(
        goal=goal,
        version=latest + 1,
        text=" ".join(text.split()),
        valid_from=valid_from,
        reason=reason,
        decision_reference=decision_reference,
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
