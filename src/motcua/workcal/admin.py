"""Administration of the working calendar: the year's days off and make-up days, and sessions.

Saves and deletions go through `motcua.workcal.services` (the first national edit of a year
copies that year's current days into the database first; see the services module).
"""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from motcua.workcal import services
from motcua.workcal.models import CalendarDay, Weekday, WorkingSession


class ScopeFilter(admin.SimpleListFilter):
    title = _("phạm vi")
    parameter_name = "scope"

    def lookups(self, request, model_admin):
        return [("national", _("Toàn quốc")), ("unit", _("Riêng đơn vị"))]

    def queryset(self, request, queryset):
        if self.value() == "national":
            return queryset.filter(unit__isnull=True)
        if self.value() == "unit":
            return queryset.filter(unit__isnull=False)
        return queryset


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    list_display = ["date", "weekday", "kind", "name", "unit", "verified", "source"]
    list_filter = [ScopeFilter, "kind", "verified", "source"]
    list_select_related = ["unit"]
    date_hierarchy = "date"
    search_fields = ["name", "legal_ref", "unit__name", "unit__code"]
    raw_id_fields = ["unit"]
    readonly_fields = ["source", "created_at", "updated_at"]
    fields = ["date", "kind", "name", "unit", "legal_ref", "verified", "source", "created_at",
              "updated_at"]
    actions = ["mark_verified"]

    @admin.display(description=_("thứ"))
    def weekday(self, day: CalendarDay) -> str:
        return Weekday(day.date.weekday()).label

    @admin.action(description=_("Đánh dấu đã xác minh"))
    def mark_verified(self, request, queryset):
        changed = services.calendar_days_mark_verified(days=queryset)
        self.message_user(
            request,
            ngettext("Đã xác minh %(count)d ngày.", "Đã xác minh %(count)d ngày.", changed)
            % {"count": changed},
            messages.SUCCESS,
        )

    def save_model(self, request, obj, form, change):
        services.calendar_day_save(day=obj)

    def delete_model(self, request, obj):
        services.calendar_day_delete(day=obj)

    def delete_queryset(self, request, queryset):
        services.calendar_days_delete(days=queryset)


@admin.register(WorkingSession)
class WorkingSessionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "unit", "weekday", "start", "end"]
    list_filter = ["weekday"]
    list_select_related = ["unit"]
    search_fields = ["unit__name", "unit__code"]
    raw_id_fields = ["unit"]

    def save_model(self, request, obj, form, change):
        services.working_session_save(session=obj)

    def delete_model(self, request, obj):
        services.working_session_delete(session=obj)

    def delete_queryset(self, request, queryset):
        services.working_sessions_delete(sessions=queryset)

