from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "koers.indicators"
    verbose_name = "Indicatoren"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from koers.indicators.models import Indicator, Target

        auditlog.register(Indicator, m2m_fields={"goals"})
        auditlog.register(Target)
