from django.apps import AppConfig


class PublicationConfig(AppConfig):
    name = "koers.publication"
    verbose_name = "Open data"
