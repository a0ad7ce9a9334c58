"""Administration of the Decision 766 thresholds and maximum points (one row)."""

from django.contrib import admin

from motcua.reports.models import IndicatorSettings


@admin.register(IndicatorSettings)
class IndicatorSettingsAdmin(admin.ModelAdmin):
    list_display = ("__str__", "procedures_online_threshold", "online_dossiers_threshold",
                    "satisfaction_threshold")

    def has_add_permission(self, request) -> bool:
        return not IndicatorSettings.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
