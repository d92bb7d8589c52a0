from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "koers.review"
    verbose_name = "Jaarlijkse toets"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from koers.review import models

        for model in (models.ReviewRound, models.Assessment, models.Proposal):
            auditlog.register(model)
