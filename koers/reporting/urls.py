from django.urls import path

from koers.reporting import views
from koers.reporting.feeds import ReportsFeed

app_name = "reporting"
urlpatterns = [
    path("", views.report_list, name="list"),
    path("feed.atom", ReportsFeed(), name="feed"),
    path("maken", views.report_generate, name="generate"),
    path("<int:year>", views.report_page, name="report"),
    path("<int:year>.<str:suffix>", views.report_file, name="file"),
    path("<int:year>/v<int:version>", views.report_page, name="version"),
    path("<int:year>/v<int:version>.<str:suffix>", views.report_file, name="version-file"),
    path("<int:year>/v<int:version>/publiceren", views.report_publish, name="publish"),
]
