from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "koers.analytics"
    verbose_name = "Analyse"

    def ready(self) -> None:
        from koers.analytics import receivers  # noqa: F401 - connects the refresh signal
