"""The URL map of API v1: every resource under /api/v1, none with a trailing slash (API-48).

Anything else under /api/v1 (a trailing slash included) is a problem+json 404, never a
redirect; the catch-all comes last.
"""

from django.urls import path, re_path
from rest_framework.routers import SimpleRouter

from koers.analytics.api.viewsets import AggregaatViewSet, HerkomstView, VoortgangViewSet
from koers.api.views import ApiDocsView, OpenApiView, UnknownResourceView
from koers.areas.api.viewsets import GebiedViewSet
from koers.deliveries.api.viewsets import (
    AanleveringViewSet,
    VerwachteAanleveringViewSet,
    WaarnemingViewSet,
)
from koers.faunaschade.api.claims import AanvraagViewSet
from koers.faunaschade.api.viewsets import CijfersView, RegelingViewSet
from koers.indicators.api.viewsets import IndicatorViewSet
from koers.knowledge.api.viewsets import KennisvraagViewSet, PraktijkvoorbeeldViewSet
from koers.meetings.api.viewsets import (
    AgendapuntViewSet,
    BesluitViewSet,
    InformatieobjectViewSet,
    StandpuntViewSet,
    VergaderingViewSet,
)
from koers.programme.api.viewsets import DoelViewSet, ThemaViewSet
from koers.reporting.api.viewsets import RapportageViewSet
from koers.review.api.viewsets import ToetsrondeViewSet, VoorstelViewSet
from koers.workprogramme.api.viewsets import ActiviteitViewSet, WerkprogrammaViewSet

app_name = "api"

router = SimpleRouter(trailing_slash=False)
router.register("themas", ThemaViewSet, basename="thema")
router.register("doelen", DoelViewSet, basename="doel")
router.register("werkprogrammas", WerkprogrammaViewSet, basename="werkprogramma")
router.register("activiteiten", ActiviteitViewSet, basename="activiteit")
router.register("indicatoren", IndicatorViewSet, basename="indicator")
router.register("gebieden", GebiedViewSet, basename="gebied")
router.register("waarnemingen", WaarnemingViewSet, basename="waarneming")
router.register("aggregaten", AggregaatViewSet, basename="aggregaat")
router.register("voortgang", VoortgangViewSet, basename="voortgang")
router.register("aanleveringen", AanleveringViewSet, basename="aanlevering")
router.register("faunaschade-regelingen", RegelingViewSet, basename="faunaschade-regeling")
router.register("faunaschade-aanvragen", AanvraagViewSet, basename="faunaschade-aanvraag")
router.register("praktijkvoorbeelden", PraktijkvoorbeeldViewSet, basename="praktijkvoorbeeld")
router.register("kennisvragen", KennisvraagViewSet, basename="kennisvraag")
router.register(
    "verwachte-aanleveringen", VerwachteAanleveringViewSet, basename="verwachte-aanlevering"
)
router.register("toetsrondes", ToetsrondeViewSet, basename="toetsronde")
router.register("voorstellen", VoorstelViewSet, basename="voorstel")
router.register("rapportages", RapportageViewSet, basename="rapportage")
router.register("vergaderingen", VergaderingViewSet, basename="vergadering")
router.register("agendapunten", AgendapuntViewSet, basename="agendapunt")
router.register("besluiten", BesluitViewSet, basename="besluit")
router.register("informatieobjecten", InformatieobjectViewSet, basename="informatieobject")
router.register("standpunten", StandpuntViewSet, basename="standpunt")

urlpatterns = [
    path("openapi.json", OpenApiView.as_view(), name="openapi"),
    path("faunaschade-cijfers", CijfersView.as_view(), name="faunaschade-cijfers"),
    re_path(r"^herkomst/(?P<herkomstId>.+)$", HerkomstView.as_view(), name="herkomst-detail"),
    *router.urls,
    path("", ApiDocsView.as_view(), name="root"),
    re_path(r"^.*$", UnknownResourceView.as_view(), name="unknown"),
]
