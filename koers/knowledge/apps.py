from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "koers.knowledge"
    verbose_name = "Kennis en leren"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from koers.knowledge import catalogue, indexing, models
        from koers.publication.dcat import CATALOGUE_EXTENSIONS

        auditlog.register(models.Practice)
        auditlog.register(models.PracticeVersion, m2m_fields={"goals", "areas", "documents"})
        auditlog.register(models.KnowledgeQuestion, m2m_fields={"practices", "documents"})
        indexing.register()
        if catalogue.add_practices not in CATALOGUE_EXTENSIONS:
            CATALOGUE_EXTENSIONS.append(catalogue.add_practices)
