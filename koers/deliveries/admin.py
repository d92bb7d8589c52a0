from django.contrib import admin

from koers.accounts.admin import RoleCheckedAdmin
from koers.accounts.permissions import Action
from koers.deliveries.models import Delivery, StoredFile, Transition


class TransitionInline(admin.TabularInline):
    model = Transition
    extra = 0
    can_delete = False
    readonly_fields = ("from_status", "to_status", "by", "at", "note")

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Delivery)
class DeliveryAdmin(RoleCheckedAdmin):
    """Read-only: deliveries move through the workflow on the site or the API, never here."""

    write_action = Action.PUBLISH_DELIVERY
    list_display = (
        "pk",
        "file",
        "province",
        "channel",
        "status",
        "rows",
        "observations_created",
        "received_at",
    )
    list_filter = ("status", "channel", "province")
    inlines = [TransitionInline]
    readonly_fields = [f.name for f in Delivery._meta.fields]

    def get_queryset(self, request):
        # The same rule as the workspace and the API: a staff steward sees only their province.
        return super().get_queryset(request).visible_to(request.user)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(StoredFile)
class StoredFileAdmin(DeliveryAdmin):
    list_display = ("sha256", "name", "size", "received_at")
    list_filter = ()
    inlines = []
    readonly_fields = ("sha256", "name", "size", "received_at")

    def get_queryset(self, request):
        visible = Delivery.objects.visible_to(request.user)
        return StoredFile.objects.filter(deliveries__in=visible).distinct()
