"""URL map: public pages (Dutch by default, English under /en/), admin and API."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path

from koers.accounts.views import LoginView
from koers.api.views import UnknownResourceView
from koers.observability import views as observability
from koers.programme.views import programme_overview
from koers.web.page_cache import public_page

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("gezondheid", observability.health, name="health"),
    path("health", observability.health, name="health-alias"),
    path("metrics", observability.metrics, name="metrics"),
    path("api/v1/", include("koers.api.urls")),
    # Single sign-on (OIDC): one redirect URI, whatever the language; 404 when not configured.
    path("oidc/", include("koers.accounts.urls")),
    # Anything else under /api is a problem+json 404, never an HTML page or a redirect.
    re_path(r"^api(?:/.*)?$", UnknownResourceView.as_view()),
]

urlpatterns += i18n_patterns(
    path("", include(([path("", public_page(programme_overview), name="home")], "web"))),
    path("", include("koers.programme.urls")),
    path("", include("koers.web.urls")),
    path("werkprogramma/", include("koers.workprogramme.urls")),
    path("open-data/", include("koers.publication.urls")),
    path("overleg/", include("koers.meetings.urls")),
    path("werkruimte/", include("koers.workspace.urls")),
    path("toets/", include("koers.review.urls")),
    path("rapportages/", include("koers.reporting.urls")),
    path("faunaschade/", include("koers.faunaschade.urls")),
    path("kennis/", include("koers.knowledge.urls")),
    path("inloggen", LoginView.as_view(), name="login"),
    path("uitloggen", auth_views.LogoutView.as_view(), name="logout"),
    path("beheer/", admin.site.urls),
    prefix_default_language=False,
)
