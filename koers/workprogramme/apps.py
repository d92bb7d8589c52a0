from django.apps import AppConfig


class WorkProgrammeConfig(AppConfig):
    name = "koers.workprogramme"
    verbose_name = "Werkprogramma's"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from koers.workprogramme import models

        auditlog.register(models.WorkProgramme)
        auditlog.register(
            models.Activity, m2m_fields={"goals", "indicators", "participating_provinces"}
        )
        auditlog.register(models.Milestone)
        auditlog.register(models.ProvincialContribution)
