"""Admin pages for levels, units (departments inline, successors). Writes go through the
services so the materialised path and the validity rules hold; who sees what is decided by
`motcua.accounts.access` (permission `unit.manage`)."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from motcua.accounts.access import Permission
from motcua.accounts.admin_access import AccessAdminMixin
from motcua.agencies.identifiers import normalise_unit_identifier
from motcua.agencies.models import AdministrativeLevel, Department, Unit
from motcua.agencies.services import (
    SUCCESSOR_IS_SELF,
    UNIT_UPDATABLE_FIELDS,
    unit_create,
    unit_update,
    unit_validate,
)

admin.site.site_header = _("Quản trị Motcua")
admin.site.site_title = _("Quản trị Motcua")
admin.site.index_title = _("Trang quản trị")

ONE_DESK_ONLY = _("Mỗi đơn vị chỉ có một Bộ phận Một cửa.")


@admin.register(AdministrativeLevel)
class AdministrativeLevelAdmin(AccessAdminMixin, admin.ModelAdmin):
    """Levels are the legal structure of the country: visible to unit managers, editable by
    superusers only (a province's administrator must not redefine "cấp huyện" for everyone)."""

    access_permission = Permission.UNIT_MANAGE
    access_unit_field = None
    list_display = ["code", "name", "name_en", "rank", "valid_from", "valid_to"]

    def has_add_permission(self, request, *args) -> bool:
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser


class DepartmentFormSet(forms.BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        desks = [
            form for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("kind") == Department.Kind.ONE_STOP_DESK
        ]
        if len(desks) > 1:
            raise ValidationError(ONE_DESK_ONLY)


class DepartmentInline(admin.TabularInline):
    model = Department
    formset = DepartmentFormSet
    fields = ["code", "name", "kind"]
    extra = 0


class UnitAdminForm(forms.ModelForm):
    class Meta:
        model = Unit
        fields = ["code", "name", "short_name", "kind", "level", "parent", "valid_from",
                  "valid_to", "successors", "address", "phone", "email", "is_sample"]

    def clean_code(self) -> str:
        return normalise_unit_identifier(self.cleaned_data["code"])

    def clean_successors(self):
        successors = self.cleaned_data.get("successors")
        if successors is not None and self.instance.pk and self.instance in successors:
            raise ValidationError(SUCCESSOR_IS_SELF)
        return successors

    def _post_clean(self) -> None:
        super()._post_clean()
        if self.errors:
            return
        try:
            # The same rules the services apply (levels, parents, periods, path).
            unit_validate(unit=self.instance)
        except ValidationError as error:
            self._update_errors(error)


@admin.register(Unit)
class UnitAdmin(AccessAdminMixin, admin.ModelAdmin):
    access_permission = Permission.UNIT_MANAGE
    access_unit_field = "pk"
    form = UnitAdminForm
    inlines = [DepartmentInline]
    list_display = ["code", "name", "level", "kind", "parent", "valid_from", "valid_to",
                    "is_sample"]
    list_filter = ["level", "kind", "is_sample"]
    list_select_related = ["level", "parent"]
    search_fields = ["code", "name", "short_name"]
    readonly_fields = ["path"]
    filter_horizontal = ["successors"]
    autocomplete_fields = ["parent"]
    fieldsets = [
        (None, {"fields": ["code", "name", "short_name", "kind", "level", "parent", "path"]}),
        (_("Hiệu lực và kế thừa"), {"fields": ["valid_from", "valid_to", "successors"]}),
        (_("Liên hệ"), {"fields": ["address", "phone", "email", "is_sample"]}),
    ]

    def has_delete_permission(self, request, obj=None) -> bool:
        # Units are history (dossier codes name them): retire them, never delete.
        return request.user.is_superuser

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "parent":
            kwargs["queryset"] = self.limit_units(request, Unit.objects.all())
            # A new root unit (a province) is a superuser's job; others work under their units.
            kwargs["required"] = not request.user.is_superuser
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change) -> None:
        data = {name: form.cleaned_data[name] for name in UNIT_UPDATABLE_FIELDS
                if name in form.cleaned_data}
        if change:
            unit_update(unit=obj, **data)
            return
        saved = unit_create(**data)
        # The admin goes on to save inlines and successors against `obj`.
        obj.pk, obj.path = saved.pk, saved.path
        obj._state.adding = False
