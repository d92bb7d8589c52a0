"""Four eyes: whoever uploaded a delivery does not also approve or publish it.

With ``KOERS_FOUR_EYES`` on (the default), :func:`check` refuses an approval or
publication by the delivery's uploader (``submitted_by``). The programme office can grant
an exception for one delivery with a reason (:func:`grant_exception`); the grant is an
audit-log entry, and the step it allows carries the reason in its Transition note.
"""

from __future__ import annotations

from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied

from koers.accounts.models import Role
from koers.accounts.permissions import roles_of
from koers.config import config
from koers.deliveries.models import Delivery
from koers.deliveries.models import DeliveryStatus as S

#: Steps that need a second person.
GUARDED = frozenset({S.APPROVED, S.PUBLISHED})
#: The key of a grant in an audit-log entry's additional_data.
EXCEPTION_KEY = "four_eyes_exception"


class FourEyesError(PermissionDenied):
    """The uploader tried to approve or publish their own delivery."""

    code = "four_eyes"


class ExceptionRefused(PermissionDenied):
    """Only the programme office grants an exception, and only with a reason."""

    code = "four_eyes_exception"


def may_grant_exception(user) -> bool:
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and (user.is_superuser or Role.PROGRAMME_OFFICE in roles_of(user))
    )


def grant_exception(delivery: Delivery, *, user, reason: str) -> LogEntry:
    """Let the uploader of ``delivery`` approve and publish it; audited with ``reason``."""
    reason = reason.strip()
    if not may_grant_exception(user):
        raise ExceptionRefused("alleen het programmabureau mag een vier-ogen-uitzondering geven")
    if not reason:
        raise ExceptionRefused("een vier-ogen-uitzondering vraagt een reden")
    return LogEntry.objects.log_create(
        delivery,
        force_log=True,
        action=LogEntry.Action.UPDATE,
        changes={},
        actor=user,
        additional_data={EXCEPTION_KEY: reason},
    )


def granted_exception(delivery: Delivery) -> LogEntry | None:
    """The latest exception granted for ``delivery``, if any."""
    entries = LogEntry.objects.get_for_object(delivery).filter(
        additional_data__has_key=EXCEPTION_KEY
    )
    return entries.select_related("actor").order_by("-timestamp", "-pk").first()


def is_own_upload(delivery: Delivery, user) -> bool:
    pk = getattr(user, "pk", None)
    return pk is not None and delivery.submitted_by_id == pk


def blocks(delivery: Delivery, to_status: str, user) -> bool:
    """Whether four eyes would refuse ``user`` this step (no exception granted)."""
    if not config("KOERS_FOUR_EYES") or to_status not in GUARDED:
        return False
    if not is_own_upload(delivery, user):
        return False
    return granted_exception(delivery) is None


def check(delivery: Delivery, to_status: str, user, *, note: str = "") -> str:
    """Raise FourEyesError, or return ``note`` with any exception that allowed the step.

    ``user=None`` is the trusted command line and is not checked.
    """
    if not config("KOERS_FOUR_EYES") or to_status not in GUARDED:
        return note
    if user is None or not is_own_upload(delivery, user):
        return note
    grant = granted_exception(delivery)
    if grant is None:
        raise FourEyesError(
            "vier ogen: wie een aanlevering uploadde, mag haar niet zelf goedkeuren of "
            "publiceren; laat een collega dit doen"
        )
    by = grant.actor.get_username() if grant.actor else "?"
    recorded = f"vier-ogen-uitzondering door {by}: {grant.additional_data[EXCEPTION_KEY]}"
    return f"{note}\n{recorded}".strip()
