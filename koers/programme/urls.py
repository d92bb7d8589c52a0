from django.urls import path

from koers.programme import views

app_name = "programme"
urlpatterns = [
    path("thema/<str:number>", views.theme_detail, name="theme"),
    path("doel/<str:number>", views.goal_detail, name="goal"),
    path("doel/<str:number>/bijstellen", views.goal_adjust, name="goal-adjust"),
]
