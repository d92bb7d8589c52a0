from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "koers.reporting"
    verbose_name = "Voortgangsrapportage"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from koers.publication.dcat import CATALOGUE_EXTENSIONS
        from koers.reporting import catalogue, models

        auditlog.register(models.Report)
        CATALOGUE_EXTENSIONS.append(catalogue.add_reports)
