from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "koers.meetings"
    label = "meetings"
    verbose_name = "Overleg"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from koers.meetings import indexing, models

        for model in (
            models.Gremium,
            models.Lid,
            models.Vergadering,
            models.Agendapunt,
            models.Besluit,
            models.Informatieobject,
            models.Standpunt,
            models.StandpuntVersie,
            models.LobbyDossier,
            models.DossierActie,
            models.OpvolgingStap,
            models.Communicatie,
        ):
            auditlog.register(model)
        indexing.register()
