"""Administration of the working calendar: the year's days off and make-up days, and sessions.

Saves and deletions go through `motcua.workcal.services` (the first national edit of a year
copies that year's current days into the database first; see the services module).

Access (docs/access.md): `calendar.manage`, held in a unit and the units below it. A unit's own
rows are managed by whoever holds it in that unit; the national rows and the default sessions
(no unit) are read by every calendar manager and changed only by those holding the permission
in a top-level unit (a province) or by superusers, since every unit's deadlines depend on them.
"""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from motcua.accounts.access import Permission
from motcua.accounts.admin_access import AccessAdminMixin
from motcua.agencies.models import Unit
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


class CalendarAccess(AccessAdminMixin):
    access_permission = Permission.CALENDAR_MANAGE
    access_unit_field = "unit"
    access_shared_at_top_level = True

    # The unit is a select of the user's units, not a raw id: the raw-id lookup opens the units
    # admin, which needs unit.manage that a unit administrator does not hold.
    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "unit":
            kwargs["queryset"] = self.limit_units(request, Unit.objects.all())
            # Leaving the unit empty means "national": only for those who may change that.
            kwargs["required"] = not self.has_shared_access(request)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(CalendarDay)
class CalendarDayAdmin(CalendarAccess, admin.ModelAdmin):
    list_display = ["date", "weekday", "kind", "name", "unit", "verified", "source"]
    list_filter = [ScopeFilter, "kind", "verified", "source"]
    list_select_related = ["unit"]
    date_hierarchy = "date"
    search_fields = ["name", "legal_ref", "unit__name", "unit__code"]
    readonly_fields = ["source", "created_at", "updated_at"]
    fields = ["date", "kind", "name", "unit", "legal_ref", "verified", "source", "created_at",
              "updated_at"]
    actions = ["mark_verified"]

    @admin.display(description=_("thứ"))
    def weekday(self, day: CalendarDay) -> str:
        return Weekday(day.date.weekday()).label

    @admin.action(description=_("Đánh dấu đã xác minh"), permissions=["change"])
    def mark_verified(self, request, queryset):
        changed = services.calendar_days_mark_verified(days=self.changeable(request, queryset))
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
class WorkingSessionAdmin(CalendarAccess, admin.ModelAdmin):
    list_display = ["__str__", "unit", "weekday", "start", "end"]
    list_filter = ["weekday"]
    list_select_related = ["unit"]
    search_fields = ["unit__name", "unit__code"]

    def save_model(self, request, obj, form, change):
        services.working_session_save(session=obj)

    def delete_model(self, request, obj):
        services.working_session_delete(session=obj)

    def delete_queryset(self, request, queryset):
        services.working_sessions_delete(sessions=queryset)

