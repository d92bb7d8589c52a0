from django.urls import path

from koers.faunaschade import views
from koers.web.page_cache import public_page

app_name = "faunaschade"
urlpatterns = [
    path("regelingen/", public_page(views.regimes), name="regimes"),
]
