from django.contrib import admin

from motcua.accounts.access import Permission
from motcua.accounts.admin_access import AccessAdminMixin
from motcua.postal.models import PostalOrder, PostalStatusUpdate, Waybill


@admin.register(Waybill)
class WaybillAdmin(AccessAdminMixin, admin.ModelAdmin):
    """The unit's pool of waybill codes; load VNPost's list with `motcua waybills_load`."""

    access_permission = Permission.UNIT_MANAGE
    list_display = ["code", "unit", "used_at"]
    list_filter = ["unit"]
    search_fields = ["code"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "unit":
            field.queryset = self.limit_units(request, field.queryset)
        return field


class StatusInline(admin.TabularInline):
    model = PostalStatusUpdate
    extra = 0
    can_delete = False
    readonly_fields = ["status", "status_at", "note", "received_at"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(PostalOrder)
class PostalOrderAdmin(AccessAdminMixin, admin.ModelAdmin):
    """Orders and what VNPost reported, for the desk's unit (read only: VNPost updates them)."""

    access_permission = Permission.POSTAL_UPDATE
    list_display = ["order_number", "kind", "item_code", "state", "state_at", "unit"]
    list_filter = ["kind", "state"]
    search_fields = ["order_number", "item_code"]
    inlines = [StatusInline]
    readonly_fields = [f.name for f in PostalOrder._meta.fields]

    def has_add_permission(self, request, *args) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
