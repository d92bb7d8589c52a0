from django.urls import path

from koers.faunaschade import views
from koers.web.page_cache import public_page

app_name = "faunaschade"
urlpatterns = [
    path("", public_page(views.monitor), name="monitor"),
    path("regelingen/", public_page(views.regimes), name="regimes"),
    path("provincie/<str:code>", views.province_figures, name="province"),
    path("behandeling/", views.claim_list, name="claims"),
    path("behandeling/nieuw", views.claim_new, name="claim-new"),
    path("behandeling/<int:pk>", views.claim_detail, name="claim"),
]
