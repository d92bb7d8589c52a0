from django.apps import AppConfig


class DeliveriesConfig(AppConfig):
    name = "koers.deliveries"
    verbose_name = "Aanleveringen"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from koers.deliveries.models import Delivery, StoredFile

        # Observations are append-only and carry their own provenance; a delivery's
        # every status change, and the file it came from, are in the audit log.
        auditlog.register(Delivery, exclude_fields=["report"])
        auditlog.register(StoredFile)
