"""Django admin pages gated by `motcua.accounts.access` instead of Django's model permissions.

Motcua does not use Django's per-model permissions (auth.Permission, groups): a role held in a
unit decides. A ModelAdmin (or inline) that mixes in `AccessAdminMixin` and names its
`access_permission` shows its module to whoever holds that permission somewhere, lists the rows
in the units where they hold it, and lets them change a row only in those units, e.g.
`class CalendarDayAdmin(AccessAdminMixin, admin.ModelAdmin): access_permission =
Permission.CALENDAR_MANAGE; access_unit_field = "unit"`.

Rows with no unit (`access_unit_field = None` for a whole model, or an empty unit field) are
shared by every unit: whoever holds the permission somewhere sees them. Who may change them is
`access_shared_at_top_level`: by default the same people; when True, only those holding the
permission in a top-level unit (a province), for data a commune must not change for everyone
(the procedure catalog, the national calendar).
"""

from django.db.models import Q, QuerySet

from motcua.accounts.access import (
    Permission,
    has_permission,
    has_permission_anywhere,
    has_permission_at_top_level,
    units_where,
)
from motcua.agencies.models import Unit


class AccessAdminMixin:
    access_permission: Permission
    # Path from the model to the unit that decides access ("pk" for Unit itself); None for
    # models with no unit.
    access_unit_field: str | None = "unit"
    access_shared_at_top_level: bool = False

    def access_unit(self, obj) -> Unit | None:
        if self.access_unit_field is None:
            return None
        if self.access_unit_field == "pk":
            return obj
        target = obj
        for part in self.access_unit_field.split("__"):
            target = getattr(target, part, None)
        return target

    def has_shared_access(self, request) -> bool:
        """Whether the user may change rows that belong to no unit."""
        if self.access_shared_at_top_level:
            return has_permission_at_top_level(request.user, self.access_permission)
        return has_permission_anywhere(request.user, self.access_permission)

    def _allowed(self, request, obj=None, *, change: bool = False) -> bool:
        if obj is None or obj.pk is None:
            if change and self.access_unit_field is None:
                return self.has_shared_access(request)  # every row of the model is shared
            return has_permission_anywhere(request.user, self.access_permission)
        unit = self.access_unit(obj)
        if unit is None:
            if change:
                return self.has_shared_access(request)
            return has_permission_anywhere(request.user, self.access_permission)
        return has_permission(request.user, self.access_permission, unit)

    def has_module_permission(self, request) -> bool:
        return has_permission_anywhere(request.user, self.access_permission)

    def has_view_permission(self, request, obj=None) -> bool:
        return self._allowed(request, obj)

    def has_add_permission(self, request, *args) -> bool:
        # Inlines pass the parent object: adding to it is changing it.
        return self._allowed(request, args[0] if args else None, change=True)

    def has_change_permission(self, request, obj=None) -> bool:
        return self._allowed(request, obj, change=True)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self._allowed(request, obj, change=True)

    def get_queryset(self, request) -> QuerySet:
        queryset = super().get_queryset(request)
        if self.access_unit_field is None:
            return queryset
        units = units_where(request.user, self.access_permission)
        return queryset.filter(self._in_units(units) | self._shared())

    def changeable(self, request, queryset: QuerySet) -> QuerySet:
        """The rows of `queryset` the user may change (for bulk actions)."""
        if self.access_unit_field is None:
            return queryset if self.has_shared_access(request) else queryset.none()
        condition = self._in_units(units_where(request.user, self.access_permission))
        if self.has_shared_access(request):
            condition |= self._shared()
        return queryset.filter(condition)

    def limit_units(self, request, queryset: QuerySet) -> QuerySet:
        """Unit choices in a form: only the units where the user holds the permission."""
        return queryset.filter(pk__in=units_where(request.user, self.access_permission))

    def _in_units(self, units: QuerySet) -> Q:
        return Q(**{f"{self.access_unit_field}__in": units})

    def _shared(self) -> Q:
        # Matches nothing when the unit field cannot be empty (or is the row itself).
        if self.access_unit_field == "pk":
            return Q(pk__in=[])
        return Q(**{f"{self.access_unit_field}__isnull": True})
