"""Pages of Overleg under /overleg/ (Dutch) and /en/overleg/."""

from django.urls import path

from koers.meetings.views import pages, prepare

app_name = "meetings"
urlpatterns = [
    path("", pages.overview, name="overview"),
    path("zoeken", pages.search_page, name="search"),
    path("vergaderingen/nieuw", prepare.plan, name="plan"),
    path("vergaderingen/<int:pk>", pages.meeting, name="vergadering"),
    path("vergaderingen/<int:pk>/agendapunten", prepare.add_item, name="add-item"),
    path("vergaderingen/<int:pk>/status", prepare.change_status, name="status"),
    path(
        "vergaderingen/<int:pk>/opvolging/<str:province>",
        prepare.record_follow_up,
        name="follow-up",
    ),
    path("agendapunten/<int:pk>/documenten", prepare.add_document, name="add-document"),
    path("agendapunten/<int:pk>/besluit", prepare.decide, name="decide"),
    path("documenten/<int:pk>", pages.document, name="document"),
    path("woo/documenten/<int:pk>.json", pages.diwoo_metadata, name="diwoo"),
    path("woo/sitemap.xml", pages.woo_sitemap, name="woo-sitemap"),
    path("gremia/<slug:code>", pages.gremium_page, name="gremium"),
    path("gremia/<slug:code>.ics", pages.meetings_calendar, name="ical"),
    path("standpunten/nieuw", prepare.position_version, name="standpunt-new"),
    path("standpunten/<int:pk>", pages.position, name="standpunt"),
    path("standpunten/<int:pk>/nieuwe-versie", prepare.position_version, name="standpunt-version"),
    path("standpunten/<int:pk>/communicatie", prepare.record_communication, name="communicatie"),
    path("opvolging/<slug:code>", pages.follow_up_overview, name="follow-up-overview"),
    path("opvolging/<slug:code>/publiceren", prepare.publish_follow_up, name="follow-up-publish"),
]
