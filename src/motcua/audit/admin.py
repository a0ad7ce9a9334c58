"""The access log in the Django admin: read-only (Law 91/2025/QH15; Decree 13/2023/NĐ-CP Art. 38
§2 before it: the log is evidence), filtered by reader, unit, kind and date, searched by
dossier code or reader."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from motcua.audit.models import PersonalDataRead
from motcua.core.admin import RecordAdminMixin


@admin.register(PersonalDataRead)
class PersonalDataReadAdmin(RecordAdminMixin, admin.ModelAdmin):
    list_display = ("at", "reader_username", "reader_name", "unit_name", "role", "kind",
                    "dossier_code", "path", "ip")
    list_filter = ("kind", "at", ("unit", admin.RelatedOnlyFieldListFilter),
                   ("reader", admin.RelatedOnlyFieldListFilter))
    search_fields = ("dossier__code", "reader_username", "reader_name")
    date_hierarchy = "at"
    list_select_related = ("dossier",)
    show_full_result_count = False  # a COUNT(*) of a large log on every page is wasted work

    @admin.display(description=_("Mã hồ sơ"), ordering="dossier__code")
    def dossier_code(self, obj: PersonalDataRead) -> str:
        return obj.dossier.code if obj.dossier_id else ""

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]
