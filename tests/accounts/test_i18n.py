"""Vietnamese msgids, English translations compiled in the repository (.mo files)."""

import pytest
from django.contrib import admin
from django.utils import translation

from motcua.accounts.access import PERMISSION_DENIED
from motcua.accounts.models import StaffRole
from motcua.accounts.roles import Role
from motcua.agencies.models import Department, Unit


@pytest.mark.parametrize(
    "text, vietnamese, english",
    [
        (lambda: admin.site.site_header, "Quản trị Motcua", "Motcua administration"),
        (lambda: Role.LEADER.label, "Lãnh đạo", "Leader"),
        (lambda: Department.Kind.LEADERSHIP.label, "Lãnh đạo", "Leadership"),
        (lambda: Role.DESK_OFFICER.label, "Cán bộ một cửa", "One-stop desk officer"),
        (lambda: Unit._meta.verbose_name, "đơn vị", "unit"),
        (lambda: StaffRole._meta.verbose_name, "vai trò cán bộ", "staff role"),
        (lambda: PERMISSION_DENIED, "Bạn không có quyền thực hiện thao tác này tại đơn vị này.",
         "You are not allowed to do this in this unit."),
    ],
)
def test_vietnamese_first_english_translated(text, vietnamese, english):
    import motcua.agencies.admin  # noqa: F401 - sets the site header

    with translation.override("vi"):
        assert str(text()) == vietnamese
    with translation.override("en"):
        assert str(text()) == english
