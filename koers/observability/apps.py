from django.apps import AppConfig


class ObservabilityConfig(AppConfig):
    name = "koers.observability"
    verbose_name = "Observability"

    def ready(self) -> None:
        from koers.observability import receivers  # noqa: F401 - connects the log receivers
