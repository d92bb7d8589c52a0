from django.urls import path

from koers.review import views

app_name = "review"
urlpatterns = [
    path("", views.round_list, name="rounds"),
    path("openen", views.round_open, name="open"),
    path("<int:year>", views.round_detail, name="round"),
    path("<int:year>/in-behandeling", views.round_treatment, name="treatment"),
    path("<int:year>/vaststellen", views.round_adopt, name="adopt"),
    path("<int:year>/doel/<str:number>", views.goal_assess, name="assess"),
]
