"""Who did it: the actor of audit-log entries made through an API token, single sign-on or
the command line (web pages get theirs from ``AuditlogMiddleware``)."""

from __future__ import annotations

import getpass
import socket
from collections.abc import Iterator
from contextlib import contextmanager

from auditlog.context import auditlog_value, set_extra_data


def attribute_to(user, **details) -> None:
    """Name ``user`` as the actor of the changes still to come in this request.

    ``AuditlogMiddleware`` fixes the actor before DRF authenticates a token, so the token
    authentication calls this once it knows the user; ``details`` land in
    ``additional_data`` (e.g. which token was used).
    """
    try:
        context = auditlog_value.get()
    except LookupError:  # outside the middleware (a test calling a function directly)
        return
    context["actor"] = user
    if details:
        context["additional_data"] = details


def command_line_details() -> dict[str, str]:
    """The operating-system account and host a command runs as, for the audit log."""
    try:
        os_user = getpass.getuser()
    except (KeyError, OSError):  # a container user without a passwd entry
        os_user = "onbekend"
    return {"kanaal": "cli", "os_gebruiker": os_user, "host": socket.gethostname()}


@contextmanager
def acting_for(user, **details) -> Iterator[None]:
    """Every audit entry made inside names ``user`` (may be None) and carries ``details``,
    e.g. a background job working for the person who queued it:
    ``with acting_for(delivery.submitted_by, kanaal="job", job=job_id): process(...)``."""
    outer = auditlog_value.get(None)
    try:
        with set_extra_data({"actor": user, "additional_data": details or None}):
            yield
    finally:
        if outer is not None:  # auditlog does not restore an enclosing context itself
            auditlog_value.set(outer)


def command_line_actor(user=None):
    """Every audit entry made inside names ``user`` (``koers --as``) or, without one, the
    operating-system account in ``additional_data``."""
    return acting_for(user, **command_line_details())


def actor_label(entry) -> str:
    """Who made an audit entry, as a person reads it: a user, a token, or ``cli:<account>``."""
    data = entry.additional_data or {}
    if entry.actor_id:
        via = f" (token {data['token']})" if data.get("token") else ""
        return f"{entry.actor}{via}"
    if data.get("kanaal") == "cli":
        return f"cli:{data.get('os_gebruiker', '?')}@{data.get('host', '?')}"
    return "—"
