from django.urls import path

from koers.web.page_cache import public_page
from koers.workprogramme.views import balance, excel, pages

app_name = "workprogramme"
urlpatterns = [
    path("", public_page(pages.index), name="index"),
    path("inlezen", excel.upload, name="import"),
    path("inlezen/bevestigen", excel.confirm, name="import-confirm"),
    path("ambities-en-middelen", public_page(balance.balance_page), name="balance"),
    path("ambities-en-middelen.csv", balance.balance_csv, name="balance-csv"),
    path("activiteit/<int:pk>/status", pages.activity_status, name="activity-status"),
    path("<str:theme>/<int:year>", public_page(pages.programme_page), name="programme"),
    path("<str:theme>/<int:year>.xlsx", pages.programme_excel, name="programme-xlsx"),
    path("<str:theme>/<int:year>.csv", pages.programme_csv, name="programme-csv"),
]
