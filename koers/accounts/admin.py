"""Admin for roles and the audit log, and the role check every Koers admin uses."""

from __future__ import annotations

from auditlog.admin import LogEntryAdmin
from auditlog.models import LogEntry
from django.contrib import admin

from koers.accounts.models import ApiToken, RoleAssignment
from koers.accounts.permissions import Action, can


class RoleCheckedAdmin(admin.ModelAdmin):
    """Admin writes go through :func:`koers.accounts.permissions.can`, like the UI and API."""

    write_action: Action = Action.CHANGE_PROGRAMME

    def _may_write(self, request) -> bool:
        return can(request.user, self.write_action)

    def has_module_permission(self, request) -> bool:
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None) -> bool:
        return self.has_module_permission(request)

    def has_add_permission(self, request) -> bool:
        return self._may_write(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return self._may_write(request)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self._may_write(request)


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(RoleCheckedAdmin):
    list_display = ("user", "role", "province", "source")
    list_filter = ("role", "province", "source")
    filter_horizontal = ("themes",)

    def _may_write(self, request) -> bool:
        return request.user.is_superuser


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens by key, user, scope and expiry; issued with `koers tokens create`, revoked here
    or with `koers tokens revoke`. The digest is never shown."""

    list_display = ("token_key", "user", "scope", "province", "name", "created", "expiry")
    list_filter = ("scope", "province")
    search_fields = ("token_key", "user__username", "name")
    fields = ("token_key", "user", "scope", "province", "name", "created", "expiry")
    readonly_fields = fields

    def _superuser(self, request, obj=None) -> bool:
        return request.user.is_active and request.user.is_superuser

    has_module_permission = has_view_permission = has_delete_permission = _superuser

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


admin.site.unregister(LogEntry)


@admin.register(LogEntry)
class AuditLogAdmin(LogEntryAdmin):
    """The audit log, readable by the programme office only."""

    def has_module_permission(self, request) -> bool:
        return can(request.user, Action.VIEW_AUDIT_LOG)

    def has_view_permission(self, request, obj=None) -> bool:
        return can(request.user, Action.VIEW_AUDIT_LOG)
