"""What other apps and the views may call to change a work programme: each checks the role
first (koers.accounts.permissions) and leaves the audit trail to django-auditlog."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from koers.accounts.permissions import Action, can, require
from koers.workprogramme.models import NEEDS_REASON, Activity, ActivityStatus


def may_edit(user, theme) -> bool:
    """The programme office edits every work programme, a theme lead only their theme's."""
    return can(user, Action.EDIT_WORK_PROGRAMME, theme=theme)


def may_update_status(user, activity: Activity) -> bool:
    """Also the province that leads the activity (trekker) may update its status."""
    return can(
        user,
        Action.UPDATE_ACTIVITY_STATUS,
        province=activity.lead_province,
        theme=activity.work_programme.theme_id,
    )


def set_status(activity: Activity, status: str, *, reason: str = "", user) -> Activity:
    """Record a new status of ``activity``; vertraagd and gestopt need a reason."""
    require(
        user,
        Action.UPDATE_ACTIVITY_STATUS,
        province=activity.lead_province,
        theme=activity.work_programme.theme_id,
    )
    if status not in ActivityStatus.values:
        raise ValidationError({"status": f"onbekende status {status!r}"})
    reason = reason.strip()
    if status in NEEDS_REASON and not reason:
        raise ValidationError(
            {"status_reason": "Geef een reden bij de status vertraagd of gestopt."}
        )
    activity.status, activity.status_reason = status, reason
    activity.save(update_fields=["status", "status_reason"])
    return activity
