from django.apps import AppConfig


class FaunaschadeConfig(AppConfig):
    name = "koers.faunaschade"
    verbose_name = "Faunaschade"
