"""Public data pages: indicators, provinces, the lineage of a figure, and the chart library."""

from django.urls import path

from koers.areas import views as areas
from koers.indicators import views as indicators
from koers.web import views

app_name = "data"
urlpatterns = [
    path("indicatoren", indicators.indicator_list, name="indicators"),
    path("indicator/<slug:code>", indicators.indicator_detail, name="indicator"),
    path(
        "indicator/<slug:code>.<str:file_format>",
        indicators.indicator_download,
        name="indicator-download",
    ),
    path("provincies", areas.province_list, name="provinces"),
    path("provincie/<str:code>", areas.province_detail, name="province"),
    path("herkomst/<path:lineage_id>", views.lineage, name="lineage"),
    path("grafieken/vega-<str:version>.js", views.vega_bundle, name="vega-bundle"),
]
