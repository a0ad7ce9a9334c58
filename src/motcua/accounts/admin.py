"""Admin pages for people (citizen fields, roles inline) and staff roles.

Who sees and changes what is decided by `motcua.accounts.access` (permission
`unit.manage_users`, `can_grant_role`, `can_manage_user`); writes go through the services.
Django's own groups and per-model permissions are not used and are hidden.

Two-factor devices are not edited here (django-otp's own device admin is removed: it shows the
secret keys): a person's page says whether they have one, and the action "Đặt lại xác thực hai
lớp" removes it after a lost phone, recorded in the admin's history (LogEntry) and the log.
"""

import contextlib
import logging

from django import forms
from django.contrib import admin
from django.contrib.admin.exceptions import NotRegistered
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from motcua.accounts import admin_lockout  # noqa: F401 (registers the lockouts' page)
from motcua.accounts.access import (
    Permission,
    can_grant_role,
    can_manage_user,
    has_permission_anywhere,
    units_where,
)
from motcua.accounts.admin_access import AccessAdminMixin
from motcua.accounts.models import StaffRole, User
from motcua.accounts.services import staff_role_delete, staff_role_save
from motcua.accounts.two_factor import devices_reset
from motcua.agencies.models import Department, Unit

CANNOT_GRANT = _("Bạn không được giao vai trò này tại đơn vị này.")
NEEDS_A_ROLE = _("Hãy giao ít nhất một vai trò cho cán bộ mới.")
TWO_FACTOR_RESET = _("Đặt lại xác thực hai lớp")
TWO_FACTOR_RESET_DONE = _("Đã đặt lại xác thực hai lớp cho %(count)d tài khoản. Lần đăng nhập "
                          "tới, họ quét mã QR mới bằng ứng dụng xác thực.")
TWO_FACTOR_RESET_REFUSED = _("Bạn không quản lý tài khoản %(username)s: chưa đặt lại.")

log = logging.getLogger(__name__)

with contextlib.suppress(NotRegistered):  # its device pages show and edit the secret keys
    admin.site.unregister(TOTPDevice)


def _grant_check(user, role: str | None, unit: Unit | None) -> None:
    if role and unit is not None and not can_grant_role(user, role, unit):
        raise ValidationError(CANNOT_GRANT)


class StaffRoleFormSet(forms.BaseInlineFormSet):
    request = None  # set by StaffRoleInline.get_formset

    def clean(self) -> None:
        super().clean()
        kept = [f for f in self.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
        for form in self.forms:
            if form.has_changed() and form.cleaned_data:
                _grant_check(self.request.user, form.cleaned_data.get("role"),
                             form.cleaned_data.get("unit"))
        # An account a unit administrator creates must land in their scope, or they lose it.
        if not self.request.user.is_superuser and self.instance.pk is None and not kept:
            raise ValidationError(NEEDS_A_ROLE)


class StaffRoleInline(admin.TabularInline):
    model = StaffRole
    formset = StaffRoleFormSet
    fk_name = "user"
    fields = ["unit", "role", "department", "valid_from", "valid_to"]
    autocomplete_fields = ["unit"]
    extra = 0

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.request = request
        return formset

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        units = units_where(request.user, Permission.UNIT_MANAGE_USERS)
        if db_field.name == "unit":
            kwargs["queryset"] = Unit.objects.filter(pk__in=units)
        elif db_field.name == "department":
            kwargs["queryset"] = Department.objects.filter(unit__in=units).select_related("unit")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_view_permission(self, request, obj=None) -> bool:
        return has_permission_anywhere(request.user, Permission.UNIT_MANAGE_USERS)

    has_add_permission = has_change_permission = has_delete_permission = has_view_permission


@admin.register(User)
class UserAdmin(AccessAdminMixin, DjangoUserAdmin):
    access_permission = Permission.UNIT_MANAGE_USERS
    access_unit_field = None
    inlines = [StaffRoleInline]
    list_display = ["username", "full_name", "cccd", "phone", "email", "is_staff", "is_active",
                    "is_sample"]
    list_filter = ["is_staff", "is_superuser", "is_active", "is_sample", "staff_roles__role"]
    actions = ["two_factor_reset"]
    search_fields = ["username", "full_name", "cccd", "phone", "email"]
    ordering = ["username"]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (_("Thông tin cá nhân"), {"fields": ["full_name", "cccd", "phone", "email", "address"]}),
        (_("Trạng thái"), {"fields": ["is_active", "is_staff", "is_superuser", "is_sample",
                                      "two_factor"]}),
        (_("Mốc thời gian"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"],
                "fields": ["username", "full_name", "email", "password1", "password2"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        # Only a superuser makes superusers or admin-site users by hand; roles do the rest.
        if request.user.is_superuser:
            return ["last_login", "date_joined", "two_factor"]
        return ["is_staff", "is_superuser", "last_login", "date_joined", "two_factor"]

    @admin.display(description=_("Xác thực hai lớp"))
    def two_factor(self, obj) -> str:
        device = TOTPDevice.objects.filter(user=obj, confirmed=True).first() if obj.pk else None
        if device is None:
            return _("Chưa bật")
        return _("Đã bật (ứng dụng xác thực)")

    @admin.action(description=TWO_FACTOR_RESET, permissions=["change"])
    def two_factor_reset(self, request, queryset) -> None:
        """After a lost phone: the person enrols a new authenticator at their next sign-in."""
        done = 0
        for person in queryset:
            if not can_manage_user(request.user, person):
                self.message_user(request, TWO_FACTOR_RESET_REFUSED % {
                    "username": person.username}, level="error")
                continue
            removed = devices_reset(person)
            self.log_change(request, person, [{"changed": {"fields": [str(TWO_FACTOR_RESET)]}}])
            log.warning("two-factor reset: user %s by %s (%d device(s) removed)",
                        person.pk, request.user.pk, removed)
            done += 1
        if done:
            self.message_user(request, TWO_FACTOR_RESET_DONE % {"count": done})

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        # Staff of the units in scope only: citizens' personal data stays out of sight
        # (Law 91/2025 on personal data protection).
        units = units_where(request.user, Permission.UNIT_MANAGE_USERS)
        return queryset.filter(staff_roles__unit__in=units).distinct()

    def has_change_permission(self, request, obj=None) -> bool:
        if obj is None:
            return super().has_change_permission(request)
        return can_manage_user(request.user, obj)

    def has_view_permission(self, request, obj=None) -> bool:
        return self.has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        # People are history (who received, who signed): deactivate them instead.
        return request.user.is_superuser

    def save_formset(self, request, form, formset, change) -> None:
        if formset.model is not StaffRole:
            super().save_formset(request, form, formset, change)
            return
        for staff_role in formset.save(commit=False):
            staff_role_save(staff_role=staff_role)
        for staff_role in formset.deleted_objects:
            staff_role_delete(staff_role=staff_role)


class StaffRoleAdminForm(forms.ModelForm):
    request = None  # set by StaffRoleAdmin.get_form

    class Meta:
        model = StaffRole
        fields = ["user", "unit", "role", "department", "valid_from", "valid_to"]

    def clean(self):
        cleaned = super().clean()
        _grant_check(self.request.user, cleaned.get("role"), cleaned.get("unit"))
        return cleaned


@admin.register(StaffRole)
class StaffRoleAdmin(AccessAdminMixin, admin.ModelAdmin):
    access_permission = Permission.UNIT_MANAGE_USERS
    form = StaffRoleAdminForm
    list_display = ["user", "role", "unit", "department", "valid_from", "valid_to"]
    list_filter = ["role", "unit__level"]
    list_select_related = ["user", "unit", "department"]
    search_fields = ["user__username", "user__full_name", "unit__name", "unit__code"]
    autocomplete_fields = ["user", "unit"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.request = request
        return form

    def has_change_permission(self, request, obj=None) -> bool:
        if obj is None:
            return super().has_change_permission(request)
        return can_grant_role(request.user, obj.role, obj.unit)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "unit":
            kwargs["queryset"] = self.limit_units(request, Unit.objects.all())
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change) -> None:
        staff_role_save(staff_role=obj)
