"""API tokens in the admin: list and revoke only. A token is made with
`manage.py api_token_create`, which prints it once (only its hash is stored)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from motcua.api.models import ApiToken
from motcua.api.tokens import api_token_revoke
from motcua.core.admin import RecordAdminMixin


@admin.register(ApiToken)
class ApiTokenAdmin(RecordAdminMixin, admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "user__username", "prefix"]
    readonly_fields = ["user", "name", "prefix", "created_at", "last_used_at", "revoked_at"]
    actions = ["revoke"]

    def has_module_permission(self, request) -> bool:
        # Tokens act with their owner's rights: only superusers manage them.
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None) -> bool:
        return self.has_module_permission(request)

    @admin.action(description=_("Thu hồi các mã đã chọn"), permissions=["view"])
    def revoke(self, request, queryset):
        for token in queryset:
            api_token_revoke(token=token)
        self.message_user(request, _("Đã thu hồi %(n)d mã.") % {"n": queryset.count()})
