"""Work programmes in the admin: the programme office edits all, a theme lead only the
programmes of their own themes (the same rule as the pages: service.may_edit)."""

from django.contrib import admin

from koers.accounts.admin import RoleCheckedAdmin
from koers.accounts.permissions import Action
from koers.workprogramme import models, service


class ThemeScopedAdmin(RoleCheckedAdmin):
    write_action = Action.EDIT_WORK_PROGRAMME

    def _theme_of(self, obj):
        return None

    def has_change_permission(self, request, obj=None) -> bool:
        if obj is None:
            return self.has_module_permission(request)  # the list; each object is checked
        return service.may_edit(request.user, self._theme_of(obj))

    has_delete_permission = has_change_permission

    def has_add_permission(self, request) -> bool:
        return self._may_write(request)


class MilestoneInline(admin.TabularInline):
    model = models.Milestone
    extra = 0


class ContributionInline(admin.TabularInline):
    model = models.ProvincialContribution
    extra = 0


@admin.register(models.WorkProgramme)
class WorkProgrammeAdmin(ThemeScopedAdmin):
    list_display = ("theme", "year", "title", "is_example")
    list_filter = ("theme", "year", "is_example")

    def _theme_of(self, obj):
        return obj.theme_id


@admin.register(models.Activity)
class ActivityAdmin(ThemeScopedAdmin):
    list_display = ("code", "title", "work_programme", "lead_province", "status", "start", "end")
    list_filter = ("work_programme__theme", "work_programme__year", "status", "is_example")
    search_fields = ("code", "title")
    filter_horizontal = ("goals", "indicators", "participating_provinces")
    inlines = [MilestoneInline, ContributionInline]

    def _theme_of(self, obj):
        return obj.work_programme.theme_id
