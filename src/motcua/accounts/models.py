"""People: citizens and staff. Staff roles are held per unit (StaffRole).

What a role allows is decided in `motcua.accounts.access`, nowhere else; writes go through
`motcua.accounts.services`.
"""

from datetime import date

from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from motcua.accounts.roles import Role
from motcua.agencies.models import Department, Unit

cccd_validator = RegexValidator(
    r"^\d{12}$", _("Số CCCD gồm đúng 12 chữ số."), code="invalid_cccd"
)
phone_validator = RegexValidator(
    r"^0\d{9,10}$", _("Số điện thoại gồm 10–11 chữ số, bắt đầu bằng 0."), code="invalid_phone"
)


class User(AbstractUser):
    """A person who signs in: a citizen, an officer, or both."""

    full_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    # NULL, not "", for "none": the unique constraints below must ignore people without one,
    # and every "" would collide.
    cccd = models.CharField(  # noqa: DJ001 - NULL means "none" for the unique constraint
        _("số CCCD"), max_length=12, null=True, blank=True, validators=[cccd_validator]
    )
    phone = models.CharField(  # noqa: DJ001 - NULL means "none" for the unique constraint
        _("số điện thoại"), max_length=11, null=True, blank=True, validators=[phone_validator]
    )
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    is_sample = models.BooleanField(_("dữ liệu mẫu"), default=False)
    # When an administrator last opened the enrolment of a two-factor authenticator (resetting
    # the person's devices does): staff may enrol within MOTCUA_STAFF_OTP_ENROL_DAYS of this, or
    # of the account's creation (accounts.two_factor.enrolment_open).
    otp_enrol_opened_at = models.DateTimeField(
        _("mở đăng ký xác thực hai lớp lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")
        constraints = [
            models.UniqueConstraint(fields=["cccd"], condition=Q(cccd__isnull=False),
                                    name="user_cccd_unique"),
            models.UniqueConstraint(fields=["phone"], condition=Q(phone__isnull=False),
                                    name="user_phone_unique"),
        ]

    def __str__(self) -> str:
        return self.full_name or self.username


class StaffRoleQuerySet(models.QuerySet):
    def active_on(self, day: date) -> "StaffRoleQuerySet":
        """Roles in force on `day`; both bounds are inclusive (valid_to is the last day)."""
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=day),
            Q(valid_to__isnull=True) | Q(valid_to__gte=day),
        )


class StaffRole(models.Model):
    """A role a person holds in one unit for a period (e.g. desk officer of xã Vĩnh Bình from
    1/7/2025). A person may hold several roles, in several units."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="staff_roles", verbose_name=_("người dùng")
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="staff_roles", verbose_name=_("đơn vị")
    )
    role = models.CharField(_("vai trò"), max_length=30, choices=Role)
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff_roles",
        verbose_name=_("phòng ban"),
    )
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(
        _("hiệu lực đến"), null=True, blank=True, help_text=_("Ngày cuối cùng vai trò có hiệu lực.")
    )

    objects = StaffRoleQuerySet.as_manager()

    class Meta:
        ordering = ["unit", "role", "user"]
        verbose_name = _("vai trò cán bộ")
        verbose_name_plural = _("vai trò cán bộ")
        constraints = [
            models.CheckConstraint(condition=Q(role__in=Role.values), name="staffrole_known_role"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="staffrole_valid_period_ordered",
            ),
            # At most one open-ended (user, unit, role): the database's half of "unique active
            # role". Overlapping dated periods are refused by `staff_role_save`, because "active"
            # depends on today's date, which a constraint cannot read.
            models.UniqueConstraint(
                fields=["user", "unit", "role"],
                condition=Q(valid_to__isnull=True),
                name="staffrole_one_open_role_per_unit",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.unit}"

    def is_active_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )
