from django.urls import path

from koers.programme import views
from koers.web.page_cache import public_page

app_name = "programme"
urlpatterns = [
    path("thema/<str:number>", public_page(views.theme_detail), name="theme"),
    path("doel/<str:number>", public_page(views.goal_detail), name="goal"),
    path("doel/<str:number>/bijstellen", views.goal_adjust, name="goal-adjust"),
]
