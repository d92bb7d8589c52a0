"""URLs of the open-data page and its downloads (mirrored by `koers export --out`)."""

from django.urls import path

from koers.publication import views
from koers.publication.formats import CATALOGUE, COMBINED, DATAPACKAGE, FOLDER, STRUCTURE

app_name = "publication"
urlpatterns = [
    path("", views.index, name="index"),
    path(f"{FOLDER}/<slug:code>.<str:suffix>", views.indicator_file, name="indicator-file"),
    path(f"{FOLDER}/<slug:code>", views.dataset, name="dataset"),
    path(f"{COMBINED}.<str:suffix>", views.combined_file, name="combined-file"),
    path(f"{CATALOGUE}.<str:suffix>", views.catalogue_file, name="catalogue-file"),
    path(DATAPACKAGE, views.datapackage, name="datapackage"),
    path(STRUCTURE, views.sdmx_structure, name="sdmx-structure"),
]
