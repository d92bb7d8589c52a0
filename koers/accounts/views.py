"""The login page: local accounts, plus a single sign-on button when OIDC is configured."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import reverse
from django.utils.http import urlencode

from koers.accounts.oidc import oidc_enabled


class LoginView(auth_views.LoginView):
    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        if oidc_enabled():
            query = f"?{urlencode({'next': context['next']})}" if context.get("next") else ""
            context["sso"] = {
                "url": reverse("oidc:login") + query,
                "label": settings.KOERS_OIDC_LABEL,
                "failed": self.request.GET.get("sso") == "mislukt",
            }
        return context
