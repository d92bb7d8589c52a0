from django.contrib import admin

from koers.accounts.admin import RoleCheckedAdmin
from koers.accounts.permissions import Action
from koers.programme import models


class GoalVersionInline(admin.TabularInline):
    model = models.GoalVersion
    extra = 0
    fields = ("version", "valid_from", "reason", "decision_reference", "text", "created_by")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False  # adjustments go through the goal page, which versions them


@admin.register(models.Programme)
class ProgrammeAdmin(RoleCheckedAdmin):
    list_display = ("name", "period_start", "period_end", "source_document", "imported_at")


@admin.register(models.Theme)
class ThemeAdmin(RoleCheckedAdmin):
    list_display = ("number", "name", "bac")


@admin.register(models.Goal)
class GoalAdmin(RoleCheckedAdmin):
    write_action = Action.ADJUST_GOAL
    list_display = ("number", "title", "theme")
    list_filter = ("theme",)
    inlines = [GoalVersionInline]


@admin.register(models.Principle)
class PrincipleAdmin(RoleCheckedAdmin):
    list_display = ("number", "title")


@admin.register(models.CollaborationFunction)
class CollaborationFunctionAdmin(RoleCheckedAdmin):
    list_display = ("position", "name")
