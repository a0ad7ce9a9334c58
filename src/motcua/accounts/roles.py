"""The staff roles Motcua knows. A role is held per unit (see StaffRole); what each role may do
is decided in `motcua.accounts.access`, nowhere else."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Role(models.TextChoices):
    DESK_OFFICER = "desk_officer", _("Cán bộ một cửa")
    SPECIALIST = "specialist", _("Chuyên viên")
    # A context: "Lãnh đạo" is also the leadership department (Leadership), not a person.
    LEADER = "leader", pgettext_lazy("role", "Lãnh đạo")
    UNIT_ADMIN = "unit_admin", _("Quản trị đơn vị")
    SYSTEM_ADMIN = "system_admin", _("Quản trị hệ thống")
    POSTAL_OPERATOR = "postal_operator", _("Nhân viên bưu chính")
