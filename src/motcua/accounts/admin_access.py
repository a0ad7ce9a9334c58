"""Django admin pages gated by `motcua.accounts.access` instead of Django's model permissions.

Motcua does not use Django's per-model permissions (auth.Permission, groups): a role held in a
unit decides. A ModelAdmin that mixes in `AccessAdminMixin` and names its `access_permission`
shows its module to whoever holds that permission somewhere, lists only the rows in the units
where they hold it, and lets them change a row only in those units. Other apps can use it, e.g.
`class ProcedureAdmin(AccessAdminMixin, admin.ModelAdmin): access_permission =
Permission.CATALOG_MANAGE; access_unit_field = "unit"`.
"""

from django.db.models import QuerySet

from motcua.accounts.access import (
    Permission,
    has_permission,
    has_permission_anywhere,
    units_where,
)
from motcua.agencies.models import Unit


class AccessAdminMixin:
    access_permission: Permission
    # Path from the model to the unit that decides access ("pk" for Unit itself); None for
    # models with no unit (their rows are visible to whoever holds the permission anywhere).
    access_unit_field: str | None = "unit"

    def access_unit(self, obj) -> Unit | None:
        if self.access_unit_field is None:
            return None
        if self.access_unit_field == "pk":
            return obj
        target = obj
        for part in self.access_unit_field.split("__"):
            target = getattr(target, part, None)
        return target

    def _allowed(self, request, obj=None) -> bool:
        user = request.user
        unit = None if obj is None or obj.pk is None else self.access_unit(obj)
        if unit is None:
            return has_permission_anywhere(user, self.access_permission)
        return has_permission(user, self.access_permission, unit)

    def has_module_permission(self, request) -> bool:
        return has_permission_anywhere(request.user, self.access_permission)

    def has_view_permission(self, request, obj=None) -> bool:
        return self._allowed(request, obj)

    def has_add_permission(self, request, *args) -> bool:
        return has_permission_anywhere(request.user, self.access_permission)

    def has_change_permission(self, request, obj=None) -> bool:
        return self._allowed(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self._allowed(request, obj)

    def get_queryset(self, request) -> QuerySet:
        queryset = super().get_queryset(request)
        if self.access_unit_field is None:
            return queryset
        units = units_where(request.user, self.access_permission)
        return queryset.filter(**{f"{self.access_unit_field}__in": units})

    def limit_units(self, request, queryset: QuerySet) -> QuerySet:
        """Unit choices in a form: only the units where the user holds the permission."""
        return queryset.filter(pk__in=units_where(request.user, self.access_permission))
