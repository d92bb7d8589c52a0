from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "koers.accounts"
    verbose_name = "Accounts en rechten"

    def ready(self) -> None:
        from auditlog.registry import auditlog
        from django.contrib.auth import get_user_model

        from koers.accounts.models import ApiToken, RoleAssignment

        auditlog.register(RoleAssignment, m2m_fields={"themes"})
        auditlog.register(get_user_model(), exclude_fields=["password", "last_login"])
        # Issuing and revoking a token is audited; the digest never enters the log.
        auditlog.register(ApiToken, exclude_fields=["digest"])
