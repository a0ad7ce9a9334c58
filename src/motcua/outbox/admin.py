"""What background work failed and why, with a retry action, for system administrators (those
who manage units at the province level)."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from motcua.accounts.access import Permission
from motcua.accounts.admin_access import AccessAdminMixin
from motcua.core.admin import RecordAdminMixin
from motcua.outbox.models import OutboxMessage, PeriodicJob
from motcua.outbox.services import outbox_retry


class SystemAdminMixin(RecordAdminMixin, AccessAdminMixin):
    access_permission = Permission.UNIT_MANAGE
    access_unit_field = None
    access_shared_at_top_level = True

    def has_module_permission(self, request) -> bool:
        return self.has_shared_access(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return self.has_shared_access(request)



@admin.register(OutboxMessage)
class OutboxMessageAdmin(SystemAdminMixin, admin.ModelAdmin):
    list_display = ["created_at", "topic", "key", "state", "attempts", "next_attempt_at",
                    "short_error"]
    list_filter = ["state", "topic"]
    search_fields = ["key", "last_error"]
    date_hierarchy = "created_at"
    actions = ["retry"]
    readonly_fields = [f.name for f in OutboxMessage._meta.fields]

    @admin.display(description=_("lỗi gần nhất"))
    def short_error(self, obj: OutboxMessage) -> str:
        return obj.last_error[:120]

    @admin.action(description=_("Thử lại ngay các việc đã thất bại"))
    def retry(self, request, queryset):
        count = outbox_retry(message_ids=list(queryset.values_list("pk", flat=True)))
        self.message_user(request, ngettext("Đã đưa %(count)d việc vào hàng chờ thử lại.",
                                            "Đã đưa %(count)d việc vào hàng chờ thử lại.",
                                            count) % {"count": count}, messages.SUCCESS)

    def has_change_permission(self, request, obj=None) -> bool:
        # The changelist's actions need it; the form itself is all read-only fields.
        return self.has_shared_access(request)


@admin.register(PeriodicJob)
class PeriodicJobAdmin(SystemAdminMixin, admin.ModelAdmin):
    list_display = ["name", "last_started_at", "last_finished_at", "last_error"]
