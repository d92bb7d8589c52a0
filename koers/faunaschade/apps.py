from django.apps import AppConfig


class FaunaschadeConfig(AppConfig):
    name = "koers.faunaschade"
    verbose_name = "Faunaschade"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from koers.faunaschade import models

        # Every step names its actor; personal data stays out of the audit log, so that
        # removing it after the retention period removes it everywhere (AVG).
        # (`computed` repeats parcel names in its explanations; outcome and payout are logged.)
        auditlog.register(models.Claim, exclude_fields=["applicant", "kvk", "iban", "computed"])
        auditlog.register(models.DamageItem, exclude_fields=["parcel"])
