"""Knowledge questions in the admin: the programme office all themes, a theme lead their own.

Practices are written and published on the pages (/kennis/), where their versions and
review live; the admin shows them read-only.
"""

from django.contrib import admin

from koers.accounts.admin import RoleCheckedAdmin
from koers.accounts.permissions import Action, can, require
from koers.knowledge import models
from koers.knowledge.indexing import index_question
from koers.programme.models import Theme


@admin.register(models.KnowledgeQuestion)
class KnowledgeQuestionAdmin(RoleCheckedAdmin):
    write_action = Action.MANAGE_KNOWLEDGE_AGENDA
    list_display = ("question", "theme", "status", "asked_by")
    list_filter = ("theme", "status")
    filter_horizontal = ("practices", "documents")

    def _may_write(self, request) -> bool:
        # Adding: anyone who manages some theme's agenda; each object is checked below.
        return any(
            can(request.user, Action.MANAGE_KNOWLEDGE_AGENDA, theme=theme)
            for theme in Theme.objects.all()
        )

    def has_change_permission(self, request, obj=None) -> bool:
        if obj is None:
            return self._may_write(request)
        return can(request.user, Action.MANAGE_KNOWLEDGE_AGENDA, theme=obj.theme)

    has_delete_permission = has_change_permission

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # only the themes whose agenda this user keeps: never a question in another's
        if db_field.name == "theme":
            kwargs["queryset"] = Theme.objects.filter(
                pk__in=[
                    t.pk
                    for t in Theme.objects.all()
                    if can(request.user, Action.MANAGE_KNOWLEDGE_AGENDA, theme=t)
                ]
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change) -> None:
        require(request.user, Action.MANAGE_KNOWLEDGE_AGENDA, theme=obj.theme)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        index_question(form.instance)


class PracticeVersionInline(admin.TabularInline):
    model = models.PracticeVersion
    fields = ("number", "title", "status", "created_by", "published_at")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(models.Practice)
class PracticeAdmin(RoleCheckedAdmin):
    write_action = Action.PUBLISH_PRACTICE
    list_display = ("__str__", "theme", "lead_province")
    list_filter = ("theme", "lead_province")
    inlines = [PracticeVersionInline]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    has_delete_permission = has_change_permission
