"""Public data pages: indicators, provinces, the lineage of a figure, and the chart library."""

from django.urls import path

from koers.areas import views as areas
from koers.indicators import views as indicators
from koers.web import chart_views, views
from koers.web.page_cache import public_page

app_name = "data"
urlpatterns = [
    path("indicatoren", public_page(indicators.indicator_list), name="indicators"),
    path("indicator/<slug:code>", public_page(indicators.indicator_detail), name="indicator"),
    path(
        "indicator/<slug:code>.<str:file_format>",
        indicators.indicator_download,
        name="indicator-download",
    ),
    path("indicator/<slug:code>/grafiek", chart_views.chart_embed, name="chart-embed"),
    path(
        "indicator/<slug:code>/grafiek.<str:image_format>",
        chart_views.chart_image,
        name="chart-image",
    ),
    path("provincies", public_page(areas.province_list), name="provinces"),
    path("provincie/<str:code>", public_page(areas.province_detail), name="province"),
    path("herkomst/<path:lineage_id>", public_page(views.lineage), name="lineage"),
    path("grafieken/vega-<str:version>.js", views.vega_bundle, name="vega-bundle"),
]
