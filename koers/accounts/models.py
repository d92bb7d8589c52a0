"""Roles: who may do what, for which province or theme."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from knox.models import AbstractAuthToken


class Role(models.TextChoices):
    PROGRAMME_OFFICE = "programme_office", _("programmabureau")
    THEME_LEAD = "theme_lead", _("themasecretaris (BAC)")
    PROVINCE_STEWARD = "province_steward", _("datasteward provincie")
    ANALYST = "analyst", _("analist")
    READER = "reader", _("lezer")
    CLAIMS_HANDLER = "claims_handler", _("schadebehandelaar (BIJ12)")


class RoleSource(models.TextChoices):
    LOCAL = "local", _("handmatig toegekend")
    OIDC = "oidc", _("uit single sign-on")


class RoleAssignment(models.Model):
    """A role for one user; stewards carry a province, theme leads one or more themes."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="roles"
    )
    role = models.CharField(max_length=30, choices=Role.choices)
    province = models.ForeignKey(
        "areas.Area",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        limit_choices_to={"type": "provincie"},
    )
    themes = models.ManyToManyField("programme.Theme", blank=True)
    #: Roles from single sign-on are replaced at each login; local ones stay.
    source = models.CharField(max_length=10, choices=RoleSource.choices, default=RoleSource.LOCAL)

    class Meta:
        ordering = ["user__username", "role"]

    def __str__(self) -> str:
        scope = self.province.code if self.province_id else ""
        return f"{self.user} · {self.get_role_display()} {scope}".strip()


class TokenScope(models.TextChoices):
    """What an API token may do; reading is always allowed, approval never (a person does)."""

    READ = "read", _("lezen")
    DELIVER = "deliver", _("aanleveren")
    CLAIMS = "claims", _("schadeaanvragen (BIJ12)")


class ApiToken(AbstractAuthToken):
    """An API token (knox): only its SHA-512 digest is stored, never the token itself.

    The token acts for its user, narrowed to its scope and, when set, to one province.
    """

    name = models.CharField(_("omschrijving"), max_length=200, blank=True)
    scope = models.CharField(
        _("bereik"), max_length=10, choices=TokenScope.choices, default=TokenScope.READ
    )
    province = models.ForeignKey(
        "areas.Area",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        limit_choices_to={"type": "provincie"},
        verbose_name=_("alleen voor provincie"),
    )

    class Meta:
        verbose_name = _("API-token")
        verbose_name_plural = _("API-tokens")
        ordering = ["-created"]

    def __str__(self) -> str:
        scope = f"{self.scope} {self.province.code}" if self.province_id else self.scope
        return f"{self.token_key}… ({self.user}, {scope})"

    @property
    def expired(self) -> bool:
        return self.expiry is not None and self.expiry <= timezone.now()


class OidcIdentity(models.Model):
    """Links a Koers user to one subject (`sub`) at one single sign-on provider."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="oidc_identity"
    )
    issuer = models.CharField(max_length=300)
    subject = models.CharField(max_length=255)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="oidc_identity_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} ← {self.subject} @ {self.issuer}"
