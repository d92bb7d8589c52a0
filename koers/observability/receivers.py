"""Log lines for the events an operator follows: imports, workflow steps, failed logins.

Receivers listen to signals the domain apps already send, so no domain code has to know
about logging. Events are short snake_case names; details go in fields.
"""

from __future__ import annotations

import structlog
from django.contrib.auth.signals import user_login_failed
from django.db.models.signals import post_save
from django.dispatch import receiver

from koers.deliveries.models import Delivery, Transition

log = structlog.get_logger("koers.deliveries")
auth_log = structlog.get_logger("koers.auth")

#: Statuses an import ends in (the workflow's own steps are logged from Transition).
_IMPORT_OUTCOMES = {"validated": "import_validated", "rejected": "import_rejected"}


@receiver(post_save, sender=Delivery, dispatch_uid="koers.observability.delivery")
def log_import(sender, instance: Delivery, created: bool, update_fields=None, **kwargs) -> None:
    if created:
        log.info("import_received", delivery=instance.pk, province=_province(instance))
        return
    event = _IMPORT_OUTCOMES.get(instance.status)
    if event and (update_fields is None or "status" in update_fields):
        level = log.warning if instance.status == "rejected" else log.info
        level(event, delivery=instance.pk, province=_province(instance))


@receiver(post_save, sender=Transition, dispatch_uid="koers.observability.transition")
def log_transition(sender, instance: Transition, created: bool, **kwargs) -> None:
    if not created:
        return
    event = "publication" if instance.to_status == "published" else "delivery_transition"
    log.info(
        event,
        delivery=instance.delivery_id,
        from_status=instance.from_status,
        to_status=instance.to_status,
        by=instance.by.get_username() if instance.by_id else None,
    )


@receiver(user_login_failed, dispatch_uid="koers.observability.login_failed")
def log_failed_login(sender, credentials: dict, request=None, **kwargs) -> None:
    # Only the user name: Django masks the password, but we never log the rest either.
    auth_log.warning(
        "login_failed",
        username=credentials.get("username"),
        ip=request.META.get("REMOTE_ADDR") if request is not None else None,
    )


def _province(delivery: Delivery) -> str | None:
    return delivery.province.code if delivery.province_id else None
