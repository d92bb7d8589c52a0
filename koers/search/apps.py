from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "koers.search"
    verbose_name = "Zoeken"

    def ready(self) -> None:
        from koers.search import receivers  # noqa: F401  (keeps the full-text table in step)
