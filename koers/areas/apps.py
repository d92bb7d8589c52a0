from django.apps import AppConfig


class AreasConfig(AppConfig):
    name = "koers.areas"
    verbose_name = "Gebieden"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from koers.areas.models import Area, AreaLink

        auditlog.register(Area, exclude_fields=["geometry"])
        auditlog.register(AreaLink)
