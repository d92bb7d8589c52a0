"""Jobs and indicator freshness in /beheer/: read-only, for looking into what ran and why."""

from django.contrib import admin

from koers.jobs.models import IndicatorFreshness, Job


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Job)
class JobAdmin(ReadOnly):
    list_display = ["id", "kind", "status", "attempts", "delivery", "created_at", "finished_at"]
    list_filter = ["status", "kind"]
    search_fields = ["error"]
    readonly_fields = [field.name for field in Job._meta.fields]


@admin.register(IndicatorFreshness)
class IndicatorFreshnessAdmin(ReadOnly):
    list_display = ["indicator", "written", "ticket", "failed_at", "changed_at"]
    list_filter = ["failed_at"]
    search_fields = ["indicator"]
    readonly_fields = [field.name for field in IndicatorFreshness._meta.fields]
