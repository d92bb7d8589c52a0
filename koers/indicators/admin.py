from django.contrib import admin

from koers.accounts.admin import RoleCheckedAdmin
from koers.accounts.permissions import Action
from koers.indicators.models import Indicator, Target


@admin.register(Indicator)
class IndicatorAdmin(RoleCheckedAdmin):
    write_action = Action.CHANGE_INDICATORS
    list_display = ("code", "name", "unit", "periodicity", "area_rule", "time_rule", "status")
    list_filter = ("status", "area_rule", "time_rule", "periodicity")
    search_fields = ("code", "name", "name_en", "source_table")
    filter_horizontal = ("goals",)
    raw_id_fields = ("numerator", "denominator", "weight")


@admin.register(Target)
class TargetAdmin(RoleCheckedAdmin):
    write_action = Action.MANAGE_TARGETS
    list_display = (
        "indicator",
        "area",
        "baseline_year",
        "target_value",
        "target_year",
        "direction",
    )
    list_filter = ("indicator", "area")
