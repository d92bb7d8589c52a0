from django.contrib import admin

from koers.accounts.admin import RoleCheckedAdmin
from koers.accounts.permissions import Action
from koers.areas.models import Area, AreaLink


@admin.register(Area)
class AreaAdmin(RoleCheckedAdmin):
    write_action = Action.CHANGE_AREAS
    list_display = ("code", "name", "type", "nuts2", "valid_from", "valid_to")
    list_filter = ("type",)
    search_fields = ("code", "name")
    exclude = ("geometry",)


@admin.register(AreaLink)
class AreaLinkAdmin(RoleCheckedAdmin):
    write_action = Action.CHANGE_AREAS
    list_display = ("child", "parent", "hierarchy", "valid_from", "valid_to")
    list_filter = ("hierarchy",)
