"""URL map: public pages (Dutch by default, English under /en/), admin and API."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from koers.programme.views import programme_overview

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
]

urlpatterns += i18n_patterns(
    path("", include(([path("", programme_overview, name="home")], "web"))),
    path("", include("koers.programme.urls")),
    path("inloggen", auth_views.LoginView.as_view(), name="login"),
    path("uitloggen", auth_views.LogoutView.as_view(), name="logout"),
    path("beheer/", admin.site.urls),
    prefix_default_language=False,
)
