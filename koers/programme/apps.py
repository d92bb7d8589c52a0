from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    name = "koers.programme"
    verbose_name = "Programma"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from koers.programme import models

        for model in (
            models.Programme,
            models.Theme,
            models.Goal,
            models.GoalVersion,
            models.Principle,
            models.CollaborationFunction,
        ):
            auditlog.register(model)
