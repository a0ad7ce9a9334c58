from django.contrib import admin

from motcua.notify.models import Notification
from motcua.outbox.admin import SystemAdminMixin


@admin.register(Notification)
class NotificationAdmin(SystemAdminMixin, admin.ModelAdmin):
    """Every message sent, with its delivery state (personal data: system administrators)."""

    list_display = ["created_at", "channel", "recipient", "subject", "state", "attempts"]
    list_filter = ["state", "channel"]
    search_fields = ["recipient", "key"]
    date_hierarchy = "created_at"
    readonly_fields = [f.name for f in Notification._meta.fields]
