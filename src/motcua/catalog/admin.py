"""Catalog administration (Vietnamese).

Published versions are read-only here, as everywhere: to change a procedure, an administrator
creates a draft from the current version (action "Tạo bản nháp để sửa"), edits the draft with
its inlines, then publishes it (action "Công bố"). Publishing checks the draft with the same
rules as a catalog-file import, and the draft becomes the next version. Dossiers keep pointing
at the version they were received under.

Access (docs/access.md): `catalog.manage`. The catalog is one for every unit of the
installation (the provincial People's Committee publishes the list of procedures), so whoever
holds the permission somewhere may read it here, and only those holding it in a top-level unit
(a province's unit or system administrator) or superusers may change it.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from motcua.accounts.access import Permission
from motcua.accounts.admin_access import AccessAdminMixin
from motcua.agencies.models import Unit
from motcua.catalog import services
from motcua.catalog.models import (
    Component,
    Fee,
    Field,
    Procedure,
    ProcedureVersion,
    ProcessStep,
    ResultDocument,
    TimeLimitStage,
)
from motcua.catalog.validation import CatalogInvalid


class CatalogAccess(AccessAdminMixin):
    access_permission = Permission.CATALOG_MANAGE
    access_unit_field = None  # the catalog belongs to no one unit
    access_shared_at_top_level = True


@admin.register(Field)
class FieldAdmin(CatalogAccess, admin.ModelAdmin):
    list_display = ["code", "name", "position"]
    search_fields = ["code", "name"]

    def save_model(self, request, obj, form, change):
        services.field_save(field=obj)


class VersionInline(CatalogAccess, admin.TabularInline):
    model = ProcedureVersion
    fields = ["number", "name", "published_at"]
    readonly_fields = fields
    show_change_link = True
    extra = 0
    can_delete = False
    verbose_name_plural = _("các phiên bản")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Procedure)
class ProcedureAdmin(CatalogAccess, admin.ModelAdmin):
    list_display = ["code", "current_name", "national_code", "current_number"]
    list_select_related = ["current_version"]
    search_fields = ["code", "national_code", "current_version__name"]
    fields = ["code", "national_code", "national_code_verified", "current_version"]
    readonly_fields = ["current_version"]
    inlines = [VersionInline]
    actions = ["create_draft"]

    def get_readonly_fields(self, request, obj=None):
        # The code is in URLs, the API and dossier references: stable once created.
        return [*self.readonly_fields, "code"] if obj else self.readonly_fields

    @admin.display(description=_("tên thủ tục"))
    def current_name(self, obj):
        return obj.current_version.name if obj.current_version else "—"

    @admin.display(description=_("phiên bản"))
    def current_number(self, obj):
        return obj.current_version.number if obj.current_version else "—"

    def save_model(self, request, obj, form, change):
        services.procedure_save(procedure=obj)

    def has_delete_permission(self, request, obj=None):
        return False  # dossiers refer to procedures for years; retire, never delete

    @admin.action(description=_("Tạo bản nháp để sửa từ phiên bản hiện hành"),
                  permissions=["change"])
    def create_draft(self, request, queryset):
        for procedure in queryset.select_related("current_version"):
            if procedure.current_version is None:
                continue
            services.version_draft_create(version=procedure.current_version)
            self.message_user(request, _("Bản nháp của %(code)s: mở trong “Phiên bản thủ tục”.")
                              % {"code": procedure.code}, messages.SUCCESS)


class DraftOnlyInline(CatalogAccess, admin.TabularInline):
    """Inlines editable on drafts only; on a published version they are shown read-only."""

    extra = 0

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and not (obj and obj.is_published)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (obj and obj.is_published)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj and obj.is_published)


class StageInline(DraftOnlyInline):
    model = TimeLimitStage
    fields = ["position", "case", "kind", "value", "extension"]


class FeeInline(DraftOnlyInline):
    model = Fee
    fields = ["position", "name", "kind", "amount", "formula", "unit", "set_by", "is_example",
              "is_unverified", "free_if_on_time", "online_discount_percent",
              "online_discount_from", "online_discount_until", "note"]


class ComponentInline(DraftOnlyInline):
    model = Component
    fields = ["position", "name", "originals", "copies", "required", "template"]


class ResultInline(DraftOnlyInline):
    model = ResultDocument
    fields = ["position", "name"]


class StepInline(DraftOnlyInline):
    model = ProcessStep
    fields = ["position", "name", "role", "actor", "agency", "share"]


class PublishedFilter(admin.SimpleListFilter):
    title = _("trạng thái")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [("published", _("Đã công bố")), ("draft", _("Bản nháp"))]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(published_at__isnull=self.value() == "draft")
        return queryset


@admin.register(ProcedureVersion)
class ProcedureVersionAdmin(CatalogAccess, admin.ModelAdmin):
    list_display = ["procedure", "number", "name", "field", "level", "published_at"]
    list_select_related = ["procedure", "field", "level"]
    list_filter = [PublishedFilter, "field", "level", "verification"]
    search_fields = ["procedure__code", "name"]
    readonly_fields = ["number", "published_at", "content_hash"]
    inlines = [StageInline, FeeInline, ComponentInline, ResultInline, StepInline]
    actions = ["publish_drafts", "create_drafts"]
    fieldsets = [
        (None, {"fields": ["procedure", "number", "published_at", "name", "name_en", "field",
                           "verification", "notes"]}),
        (_("Cấp và cơ quan thực hiện"), {"fields": [
            "level", "level_note", "level_before_2025_07", "level_before_2025_07_note",
            "competent_unit"]}),
        (_("Cách thực hiện"), {"fields": [
            "online_level", "channel_direct", "channel_online", "channel_postal"]}),
        (_("Thời hạn giải quyết"), {"fields": [
            "time_limit_kind", "time_limit_value", "time_limit_extension", "stage_mode",
            "time_limit_text", "time_limit_exclusions"]}),
        (_("Phí, lệ phí và căn cứ"), {"fields": ["fee_text", "legal_basis", "sources"]}),
    ]

    def has_change_permission(self, request, obj=None):
        # A published version is evidence for the dossiers received under it: view only.
        return super().has_change_permission(request, obj) and not (obj and obj.is_published)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj and obj.is_published)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "competent_unit":
            kwargs["queryset"] = self.limit_units(request, Unit.objects.all())
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        services.version_draft_save(version=obj)

    def save_formset(self, request, form, formset, change):
        if form.instance.is_published:
            raise PermissionDenied
        formset.save()

    def delete_model(self, request, obj):
        services.version_draft_delete(version=obj)

    def delete_queryset(self, request, queryset):
        for version in queryset.filter(published_at__isnull=True):
            services.version_draft_delete(version=version)

    @admin.action(description=_("Công bố các bản nháp đã chọn"), permissions=["change"])
    def publish_drafts(self, request, queryset):
        for draft in queryset.filter(published_at__isnull=True).select_related("procedure"):
            try:
                version = services.version_draft_publish(version=draft)
            except CatalogInvalid as error:
                self.message_user(request, "; ".join(error.problems), messages.ERROR)
            except services.NothingToPublish as error:
                self.message_user(request, str(error), messages.WARNING)
            else:
                self.message_user(
                    request, _("%(code)s: đã công bố phiên bản %(number)s.")
                    % {"code": draft.procedure.code, "number": version.number}, messages.SUCCESS)

    @admin.action(description=_("Tạo bản nháp để sửa từ phiên bản đã chọn"),
                  permissions=["change"])
    def create_drafts(self, request, queryset):
        for version in queryset.select_related("procedure"):
            services.version_draft_create(version=version)
        self.message_user(request, _("Đã tạo bản nháp."), messages.SUCCESS)
