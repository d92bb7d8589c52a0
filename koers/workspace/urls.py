"""The signed-in workspace under /werkruimte/: delivering, checking, publishing, steering."""

from django.urls import path

from koers.workspace.views import (
    accounts,
    audit,
    deliver,
    delivery,
    home,
    office,
    standing,
    targets,
)

app_name = "workspace"
urlpatterns = [
    path("", home.home, name="home"),
    path("aanleveren", deliver.deliver, name="deliver"),
    path("aanleveren/sjabloon", deliver.template, name="template"),
    path("aanleveren/uploaden", deliver.upload, name="upload"),
    path("aanleveringen/<int:pk>", delivery.delivery_detail, name="delivery"),
    path("aanleveringen/<int:pk>/status", delivery.delivery_transition, name="transition"),
    path(
        "aanleveringen/<int:pk>/publiceren",
        delivery.publish_confirmation,
        name="publish-confirm",
    ),
    path("aanleveringen/<int:pk>/vier-ogen", delivery.delivery_exception, name="four-eyes"),
    path(
        "aanleveringen/<int:pk>/opnieuw-valideren",
        standing.delivery_revalidate,
        name="revalidate",
    ),
    path("volledigheid", office.completeness, name="completeness"),
    path("publiceren", office.publish, name="publish"),
    path("analyse", office.analytics, name="analytics"),
    path("analyse/verversen", office.refresh, name="refresh"),
    path("doelen", targets.goals, name="goals"),
    path("streefwaarden", targets.targets, name="targets"),
    path("streefwaarden/nieuw", targets.target_edit, name="target-create"),
    path("streefwaarden/<int:pk>", targets.target_edit, name="target-edit"),
    path("streefwaarden/<int:pk>/verwijderen", targets.target_delete, name="target-delete"),
    path("auditlog", audit.audit_log, name="audit-log"),
    path("accounts", accounts.accounts, name="accounts"),
    path("accounts/<int:pk>", accounts.account, name="account"),
]
