"""Ratings in the Django admin, read-only: a citizen's evaluation is their statement
(Decree 61/2018 Art. 35), so no officer may add, edit or delete one. Who sees which ratings is
`motcua.accounts.access`'s decision: `reports.view` in the rated (receiving) unit or above it,
like the reports that aggregate them."""

from django.contrib import admin

from motcua.accounts.access import Permission
from motcua.accounts.admin_access import AccessAdminMixin
from motcua.core.admin import RecordAdminMixin
from motcua.ratings.models import Rating


@admin.register(Rating)
class RatingAdmin(RecordAdminMixin, AccessAdminMixin, admin.ModelAdmin):
    access_permission = Permission.REPORTS_VIEW
    access_unit_field = "unit"

    list_display = ["dossier", "unit", "submitted_at", "total", "satisfaction"]
    list_filter = ["satisfaction"]
    list_select_related = ["dossier", "unit"]
    search_fields = ["dossier__code"]
    date_hierarchy = "submitted_at"
    fields = ["dossier", "unit", "submitted_at", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8",
              "c9", "total", "satisfaction", "comment"]
    readonly_fields = fields
