from django.urls import path

from koers.knowledge import views
from koers.knowledge.feeds import PracticesFeed

app_name = "knowledge"
urlpatterns = [
    path("", views.home, name="home"),
    path("praktijk/nieuw", views.practice_edit, name="practice-new"),
    path("praktijk/<int:pk>", views.practice_detail, name="practice"),
    path("praktijk/<int:pk>/nieuwe-versie", views.practice_edit, name="practice-edit"),
    path("praktijk/<int:pk>/stap", views.practice_step, name="practice-step"),
    path("agenda/<str:number>", views.agenda, name="agenda"),
    path("agenda/<str:number>/feed.atom", PracticesFeed(), name="feed"),
    path("gebied/<str:code>", views.area_detail, name="area"),
]
