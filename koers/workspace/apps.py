from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    name = "koers.workspace"
    verbose_name = "Werkruimte"
