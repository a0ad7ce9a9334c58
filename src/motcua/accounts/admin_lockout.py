"""The sign-in lockouts in the admin, for the province's system administrators (docs/accounts.md
"Lockout"): axes' own page opens only to superusers, who are not the ones an officer calls when
locked out. Whoever manages units at the province level (`unit.manage` there) lists the
failures and lifts a lockout by deleting its row; nobody adds or edits one. The access logs axes
could keep are off (AXES_DISABLE_ACCESS_LOG), their pages stay superusers'.
"""

import contextlib

from axes.admin import AccessAttemptAdmin as AxesAccessAttemptAdmin
from axes.models import AccessAttempt
from django.contrib import admin
from django.contrib.admin.exceptions import NotRegistered

from motcua.accounts.access import Permission
from motcua.accounts.admin_access import AccessAdminMixin

with contextlib.suppress(NotRegistered):
    admin.site.unregister(AccessAttempt)


@admin.register(AccessAttempt)
class AccessAttemptAdmin(AccessAdminMixin, AxesAccessAttemptAdmin):
    access_permission = Permission.UNIT_MANAGE
    access_unit_field = None  # a failure belongs to no unit: an identifier and an address
    access_shared_at_top_level = True

    def has_module_permission(self, request) -> bool:
        return self.has_shared_access(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return self.has_shared_access(request)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self.has_shared_access(request)  # lifting a lockout

    def has_add_permission(self, request, *args) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
