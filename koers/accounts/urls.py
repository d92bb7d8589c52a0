"""Single sign-on URLs, outside the language prefix so the redirect URI never changes."""

from django.urls import path

from koers.accounts.oidc import CallbackView, LoginRedirectView

app_name = "oidc"

urlpatterns = [
    path("inloggen", LoginRedirectView.as_view(), name="login"),
    path("callback", CallbackView.as_view(), name="callback"),
]
